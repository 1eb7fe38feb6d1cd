package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ReadProblem;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** The index, manifests and configs could be read; and the scanner itself did not fail. */
public final class ImageStructureCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.IMAGE_STRUCTURE;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        Verdict.Builder v = Verdict.of(check());
        boolean manifestsUnreadable = false;
        for (ReadProblem p : facts.readProblems()) {
            manifestsUnreadable |= p.part() == ReadProblem.Part.MANIFESTS;
            if (!BlobIntegrityCheck.concerns(p)) {
                v.fail(Evidence.of(p.detail()));
            }
        }
        if (facts.manifests() == null && manifestsUnreadable) {
            v.fail(Evidence.of("the other checks need a readable image and did not run"));
        } else if (facts.manifests() != null && facts.manifests().isEmpty()) {
            v.fail(Evidence.of("no manifest has a readable config; the other checks did not run"));
        }
        if (facts.failure() != null) {
            v.error(Evidence.of("the scanner failed unexpectedly (" + facts.failure()
                    + "); the operators find the details in the log"));
        }
        return Optional.of(v.build());
    }
}
