package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.LayerFacts;

import java.util.Optional;

/** Every layer is a well-formed tar stream in a supported compression, with nothing after it. */
public final class LayerFormatCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.LAYER_FORMAT;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (LayerFacts layer : facts.layers().values()) {
            if (layer.formatProblem() != null) {
                v.fail(layer.id().evidence(null, layer.formatProblem()));
            }
        }
        return Optional.of(v.build());
    }
}
