package com.offerflow.scanner.checks;

import com.offerflow.image.Digest;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ReadProblem;
import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.LAYER_1;
import static com.offerflow.scanner.checks.Facts.details;
import static com.offerflow.scanner.checks.Facts.id;
import static org.assertj.core.api.Assertions.assertThat;

class BlobIntegrityCheckTest {

    private final BlobIntegrityCheck check = new BlobIntegrityCheck();

    private static LayerFacts read(long bytes, boolean toEnd, boolean longer, Digest actual) {
        return new LayerFacts(id(1), LAYER_1, 100, null, bytes, toEnd, longer, actual, null, null, null, 0);
    }

    @Test
    void passesBlobsThatMatchTheirDescriptors() {
        assertThat(Facts.image().statusBy(check)).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void failsAManifestOrConfigThatDoesNotMatchItsDigest() {
        var result = Facts.image().readProblem(ReadProblem.Part.CONFIG, "digest-mismatch").judgedBy(check);
        assertThat(details(result)).containsExactly("config of manifest sha256:abc: it is broken [digest-mismatch]");
    }

    @Test
    void failsMissingShorterLongerAndAlteredLayers() {
        assertThat(details(Facts.image().layer(LayerFacts.missing(id(1), LAYER_1, 100, "no such blob"))
                .judgedBy(check))).containsExactly("layer blob missing: no such blob");
        assertThat(details(Facts.image().layer(read(90, true, false, LAYER_1)).judgedBy(check)))
                .containsExactly("the blob has 90 bytes but its descriptor states 100");
        assertThat(details(Facts.image().layer(read(101, true, true, LAYER_1)).judgedBy(check)))
                .containsExactly("the blob is longer than the 100 bytes its descriptor states");
        Digest other = Digest.of(new byte[]{1});
        assertThat(details(Facts.image().layer(read(100, true, false, other)).judgedBy(check)))
                .containsExactly("the blob's sha256 is " + other + ", not the digest its descriptor states");
    }

    @Test
    void aLayerNotReadToItsEndIsAnErrorNotAFailure() {
        var facts = Facts.image().layer(read(50, false, false, LAYER_1));
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.ERROR);
        assertThat(facts.judgedBy(check).evidence()).singleElement().satisfies(e -> {
            assertThat(e.layerIndex()).isEqualTo(1);
            assertThat(e.detail()).startsWith("not verified");
        });
    }
}
