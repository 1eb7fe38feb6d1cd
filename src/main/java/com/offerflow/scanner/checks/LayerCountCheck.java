package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** No manifest has more layers than allowed. */
public final class LayerCountCheck implements ImageCheck {

    private final int maxLayers;

    public LayerCountCheck(int maxLayers) {
        this.maxLayers = maxLayers;
    }

    @Override
    public Check check() {
        return Check.LAYER_COUNT;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.hasManifests()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (ManifestFacts m : facts.manifests()) {
            if (m.layers().size() > maxLayers) {
                v.fail(Evidence.of(m.platformText() + ": " + m.layers().size() + " layers, more than " + maxLayers));
            }
        }
        return Optional.of(v.build());
    }
}
