package com.offerflow.scanner.checks;

import com.offerflow.image.Digest;
import com.offerflow.image.Platform;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offerflow.scanner.checks.Facts.LAYER_0;
import static com.offerflow.scanner.checks.Facts.LAYER_1;
import static com.offerflow.scanner.checks.Facts.details;
import static com.offerflow.scanner.checks.Facts.id;
import static org.assertj.core.api.Assertions.assertThat;

class LayerDiffIdsCheckTest {

    private final LayerDiffIdsCheck check = new LayerDiffIdsCheck();

    @Test
    void passesLayersWhoseContentIsTheirDiffId() {
        assertThat(Facts.image().statusBy(check)).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void failsALayerWhoseContentDiffersFromTheConfig() {
        Digest other = Digest.of(new byte[]{2});
        var result = Facts.image().layer(new LayerFacts(id(1), LAYER_1, 100, null, 100, true, false, LAYER_1, null,
                null, other, 300)).judgedBy(check);
        assertThat(details(result)).containsExactly("uncompressed sha256 is " + other
                + " but the config's diff_id is " + Facts.diffId(LAYER_1));
    }

    @Test
    void failsAConfigListingAnotherNumberOfDiffIds() {
        ManifestFacts m = Facts.manifest(Platform.LINUX_AMD64);
        ManifestFacts one = new ManifestFacts(m.digest(), m.platform(), m.tags(), m.layers(),
                List.of(Facts.diffId(LAYER_0)), m.user(), m.labels(), m.annotations(), m.indexAnnotations(),
                m.fileSystem());
        assertThat(details(Facts.image().manifests(one).judgedBy(check)))
                .containsExactly("linux/amd64: the config lists 1 diff_ids for 2 layers");
    }

    @Test
    void aLayerNotReadCompletelyIsNotVerified() {
        var facts = Facts.image().layer(new LayerFacts(id(1), LAYER_1, 100, null, 100, true, false, LAYER_1,
                "truncated", null, null, 10));
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.ERROR);
    }

    @Test
    void saysItDidNotRunWhenALimitKeptTheLayersUnread() {
        assertThat(details(Facts.image().layersNotRead("too large").judgedBy(check)))
                .containsExactly("not run: too large");
        assertThat(check.evaluate(Facts.image().layersUnread().build())).isEmpty();
    }
}
