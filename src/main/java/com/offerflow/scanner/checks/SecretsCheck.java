package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** No file of any layer holds a private key, an access key or a token. */
public final class SecretsCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.SECRETS;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Evidences.layersNotRead(check(), facts);
        }
        Verdict.Builder v = Verdict.of(check());
        facts.content().flagged(FlaggedFile.Kind.SECRET).forEach(f -> v.fail(Evidences.of(f)));
        if (facts.content().unlistedFlagged() > 0) {
            v.fail(Evidence.of("and " + facts.content().unlistedFlagged() + " more findings of malware or secrets "
                    + "(not listed)"));
        }
        return Optional.of(v.build());
    }
}
