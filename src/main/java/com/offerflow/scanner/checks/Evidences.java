package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** Evidence that several checks word the same way. */
final class Evidences {

    private Evidences() {
    }

    /** A file with malware or a secret, saying whether a later layer deleted or replaced it. */
    static Evidence of(FlaggedFile f) {
        FlaggedFile.Later later = f.later();
        String note = later == null ? ""
                : later.deleted() ? "; deleted by layer " + later.byLayer() + " (whiteout), but still shipped in layer "
                        + later.shippedInLayer() + " and readable by anyone who pulls the image"
                : "; replaced by layer " + later.byLayer() + ", but the original is still shipped in layer "
                        + later.shippedInLayer();
        return f.layer().evidence(f.path(), f.detail() + note);
    }

    /**
     * The verdict of a check that needs the layers when they were not read: an error when a limit kept them unread
     * (the check did not run, and says so), none when the scan did not get that far (another check says why).
     */
    static Optional<Verdict> layersNotRead(Check check, ImageFacts facts) {
        return facts.layersNotRead() == null ? Optional.empty()
                : Optional.of(Verdict.of(check).error(Evidence.of("not run: " + facts.layersNotRead())).build());
    }

    /** {@code linux/arm64: } before evidence about one manifest, when the image has several. */
    static String platformPrefix(ImageFacts facts, ManifestFacts manifest) {
        return facts.manifests().size() > 1 ? manifest.platformText() + ": " : "";
    }
}
