package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.LayerFacts;
import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.LAYER_1;
import static com.offerflow.scanner.checks.Facts.details;
import static com.offerflow.scanner.checks.Facts.id;
import static org.assertj.core.api.Assertions.assertThat;

/** layer-format and layer-limits: each reports its own problem of a layer, and only that. */
class LayerFormatAndLimitsCheckTest {

    private static final LayerFacts BROKEN = new LayerFacts(id(1), LAYER_1, 100, null, 100, true, false, LAYER_1,
            "the compressed gzip data is corrupt (x)", "the layer expands more than 100 times", null, 10);

    @Test
    void passWellFormedLayersWithinTheLimits() {
        assertThat(Facts.image().statusBy(new LayerFormatCheck())).isEqualTo(Verdict.Status.PASSED);
        assertThat(Facts.image().statusBy(new LayerLimitsCheck())).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void eachFailsWithItsOwnProblemOfTheLayer() {
        var format = Facts.image().layer(BROKEN).judgedBy(new LayerFormatCheck());
        assertThat(details(format)).containsExactly("the compressed gzip data is corrupt (x)");
        assertThat(format.evidence().get(0).layer()).isEqualTo(LAYER_1.toString());
        assertThat(details(Facts.image().layer(BROKEN).judgedBy(new LayerLimitsCheck())))
                .containsExactly("the layer expands more than 100 times");
    }

    @Test
    void doNotRunWithoutTheLayers() {
        assertThat(new LayerFormatCheck().evaluate(Facts.image().layersNotRead("too large").build())).isEmpty();
        assertThat(new LayerLimitsCheck().evaluate(Facts.image().layersNotRead("too large").build())).isEmpty();
    }
}
