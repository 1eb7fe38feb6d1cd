package com.offerflow.scanner.checks;

import com.offerflow.image.Digest;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.List;
import java.util.Optional;

/** Every layer's uncompressed sha256 is the diff_id its config states. */
public final class LayerDiffIdsCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.LAYER_DIFF_IDS;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Evidences.layersNotRead(check(), facts);
        }
        Verdict.Builder v = Verdict.of(check());
        for (ManifestFacts m : facts.manifests()) {
            List<Digest> expected = m.diffIds();
            List<Digest> layers = m.layers();
            if (expected.size() != layers.size()) {
                v.fail(Evidence.of(m.platformText() + ": the config lists " + expected.size() + " diff_ids for "
                        + layers.size() + " layers"));
            }
            for (int i = 0; i < Math.min(expected.size(), layers.size()); i++) {
                LayerFacts layer = facts.layer(layers.get(i));
                if (layer.diffId() == null) {
                    v.error(layer.id().evidence(null, "not verified: the layer could not be read completely"));
                } else if (!layer.diffId().equals(expected.get(i))) {
                    v.fail(layer.id().evidence(null, "uncompressed sha256 is " + layer.diffId()
                            + " but the config's diff_id is " + expected.get(i)));
                }
            }
        }
        return Optional.of(v.build());
    }
}
