package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.LayerFacts;

import java.util.Optional;

/** No layer went beyond the limits on uncompressed size, compression ratio and number of files. */
public final class LayerLimitsCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.LAYER_LIMITS;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (LayerFacts layer : facts.layers().values()) {
            if (layer.limitProblem() != null) {
                v.fail(layer.id().evidence(null, layer.limitProblem()));
            }
        }
        return Optional.of(v.build());
    }
}
