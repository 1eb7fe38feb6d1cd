package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ReadProblem;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;
import java.util.Set;

/** Every blob has the size and digest its descriptor states. */
public final class BlobIntegrityCheck implements ImageCheck {

    private static final Set<String> BLOB_CODES = Set.of("digest-mismatch", "size-mismatch", "missing-blob");

    /** Whether a problem reading the index, a manifest or a config is this check's (a blob that does not match). */
    static boolean concerns(ReadProblem p) {
        return BLOB_CODES.contains(p.code());
    }

    @Override
    public Check check() {
        return Check.BLOB_INTEGRITY;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        Verdict.Builder v = Verdict.of(check());
        for (ReadProblem p : facts.readProblems()) {
            if (concerns(p)) {
                v.fail(Evidence.of(p.detail()));
            }
        }
        if (facts.layersRead()) {
            facts.layers().values().forEach(layer -> judge(layer, v));
        }
        return Optional.of(v.build());
    }

    private static void judge(LayerFacts layer, Verdict.Builder v) {
        if (layer.missing() != null) {
            v.fail(layer.id().evidence(null, "layer blob missing: " + layer.missing()));
        } else if (!layer.readToEnd()) {
            v.error(layer.id().evidence(null, "not verified: reading stopped at a limit before the end of the blob"));
        } else if (layer.longer()) {
            v.fail(layer.id().evidence(null, "the blob is longer than the " + layer.size()
                    + " bytes its descriptor states"));
        } else if (layer.bytesRead() != layer.size()) {
            v.fail(layer.id().evidence(null, "the blob has " + layer.bytesRead() + " bytes but its descriptor states "
                    + layer.size()));
        } else if (!layer.actualDigest().equals(layer.digest())) {
            v.fail(layer.id().evidence(null, "the blob's sha256 is " + layer.actualDigest()
                    + ", not the digest its descriptor states"));
        }
    }
}
