package com.offerflow.scanner.checks;

import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

/** layer-count and image-size: limits on the manifests, judged without reading a layer. */
class LayerCountAndImageSizeCheckTest {

    @Test
    void layerCountFailsAManifestWithMoreLayersThanAllowed() {
        assertThat(Facts.image().statusBy(new LayerCountCheck(2))).isEqualTo(Verdict.Status.PASSED);
        assertThat(details(Facts.image().judgedBy(new LayerCountCheck(1))))
                .containsExactly("linux/amd64: 2 layers, more than 1");
    }

    @Test
    void imageSizeFailsBlobsOverTheLimit() {
        assertThat(Facts.image().compressedSize(2000).statusBy(new ImageSizeCheck(2000)))
                .isEqualTo(Verdict.Status.PASSED);
        assertThat(details(Facts.image().compressedSize(2001).judgedBy(new ImageSizeCheck(2000))))
                .containsExactly("the image's blobs are 2001 bytes compressed, more than the limit of 2000");
    }

    @Test
    void bothRunEvenWhenTheLayersWereNotRead() {
        var facts = Facts.image().compressedSize(5000).layersNotRead("too large");
        assertThat(facts.statusBy(new ImageSizeCheck(2000))).isEqualTo(Verdict.Status.FAILED);
        assertThat(facts.statusBy(new LayerCountCheck(40))).isEqualTo(Verdict.Status.PASSED);
    }
}
