package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.LayerFacts;

/** No layer went beyond the limits on uncompressed size, compression ratio and number of files. */
public final class LayerLimitsCheck extends LayerProblemCheck {

    @Override
    public Check check() {
        return Check.LAYER_LIMITS;
    }

    @Override
    String problem(LayerFacts layer) {
        return layer.limitProblem();
    }
}
