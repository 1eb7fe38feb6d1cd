package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.PathIssue;

import java.util.Optional;

/**
 * No entry escapes the root file system (absolute names, {@code ..}, hard links outside, writing through a symbolic
 * link of the same layer): failed. Writing under a symbolic link of an earlier layer, and device nodes: warnings.
 */
public final class SafePathsCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.SAFE_PATHS;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (PathIssue issue : facts.content().pathIssues()) {
            v.add(status(issue.kind()), issue.layer().evidence(issue.path(), detail(issue)));
        }
        facts.content().unlistedPathIssues().forEach((kind, count) -> v.unlisted(status(kind), count));
        return Optional.of(v.build());
    }

    static Verdict.Status status(PathIssue.Kind kind) {
        return switch (kind) {
            case ABSOLUTE, TRAVERSAL, HARD_LINK_OUTSIDE, THROUGH_OWN_SYMLINK -> Verdict.Status.FAILED;
            case THROUGH_EARLIER_SYMLINK, DEVICE_NODE, TOO_MANY_WHITEOUTS -> Verdict.Status.WARNING;
        };
    }

    private static String detail(PathIssue issue) {
        return switch (issue.kind()) {
            case ABSOLUTE -> "absolute path: a naive extractor writes it outside the container's root file system";
            case TRAVERSAL -> "'..' in the path climbs out of the container's root file system";
            case HARD_LINK_OUTSIDE -> "hard link to '" + issue.other() + "' outside the container's root file system";
            case THROUGH_OWN_SYMLINK -> "written through the symbolic link '/" + issue.other() + "' of the same "
                    + "layer: a naive extractor follows the link and writes wherever it points";
            case THROUGH_EARLIER_SYMLINK -> "written through '/" + issue.other()
                    + "', a symbolic link made by an earlier layer";
            case DEVICE_NODE -> "device node (" + issue.other() + "): images do not need device files; the runtime "
                    + "provides /dev";
            case TOO_MANY_WHITEOUTS -> "more than " + issue.other() + " whiteouts: later ones are not taken into "
                    + "account";
        };
    }
}
