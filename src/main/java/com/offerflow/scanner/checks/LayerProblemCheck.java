package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.LayerFacts;

import java.util.Optional;

/** A check that fails each layer with a problem of its kind, read when the layer was. */
abstract class LayerProblemCheck implements ImageCheck {

    /** The layer's problem of this check's kind; null when it has none. */
    abstract String problem(LayerFacts layer);

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (LayerFacts layer : facts.layers().values()) {
            if (problem(layer) != null) {
                v.fail(layer.id().evidence(null, problem(layer)));
            }
        }
        return Optional.of(v.build());
    }
}
