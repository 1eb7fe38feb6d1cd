package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.LayerFacts;

/** Every layer is a well-formed tar stream in a supported compression, with nothing after it. */
public final class LayerFormatCheck extends LayerProblemCheck {

    @Override
    public Check check() {
        return Check.LAYER_FORMAT;
    }

    @Override
    String problem(LayerFacts layer) {
        return layer.formatProblem();
    }
}
