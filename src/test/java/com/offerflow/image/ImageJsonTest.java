package com.offerflow.image;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageJsonTest {

    private final ImageJson json = new ImageJson(ImageLimits.defaults());

    @Test
    void readsAnOciManifest() throws Exception {
        String m = """
                {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
                 "config":{"mediaType":"application/vnd.oci.image.config.v1+json","size":2,
                   "digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"},
                 "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","size":10,
                   "digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                   "urls":["ignored"]}],
                 "annotations":{"a":"b"}, "somethingNew": {"x": 1}}
                """;
        ImageManifest manifest = json.manifest(m.getBytes(StandardCharsets.UTF_8), "manifest");
        assertThat(manifest.layers()).hasSize(1);
        assertThat(manifest.config().size()).isEqualTo(2);
        assertThat(manifest.annotations()).containsEntry("a", "b");
    }

    @Test
    void readsConfigUserLabelsAndDiffIds() throws Exception {
        String c = """
                {"architecture":"amd64","os":"linux","config":{"User":"1000:1000","Labels":{"name":"x"},
                 "Env":["A=B"]},"rootfs":{"type":"layers","diff_ids":
                 ["sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"]},
                 "history":[{"created_by":"RUN x","empty_layer":true}]}
                """;
        ImageConfig config = json.config(c.getBytes(StandardCharsets.UTF_8), "config");
        assertThat(config.config().user()).isEqualTo("1000:1000");
        assertThat(config.config().labels()).containsEntry("name", "x");
        assertThat(config.rootfs().diffIds()).hasSize(1);
        assertThat(config.platform().text()).isEqualTo("linux/amd64");
        assertThat(config.history().get(0).emptyLayer()).isTrue();
    }

    @Test
    void refusesDeeplyNestedJsonWithoutStackOverflow() {
        String deep = "{\"schemaVersion\":2,\"annotations\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> json.manifest(deep.getBytes(StandardCharsets.UTF_8), "the manifest"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("the manifest")
                .extracting(e -> ((InvalidImageException) e).code()).isEqualTo("invalid-manifest");
    }

    @Test
    void refusesAManifestLargerThanTheLimitBeforeParsing() {
        ImageJson small = new ImageJson(ImageLimits.defaults().withMaxManifestBytes(1024));
        byte[] big = ("{\"schemaVersion\":2,\"x\":\"" + "a".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> small.manifest(big, "the manifest"))
                .isInstanceOf(InvalidImageException.class)
                .hasMessageContaining("more than the limit of 1024 bytes");
    }

    @Test
    void refusesWrongSchemaVersionsAndGarbage() {
        assertThatThrownBy(() -> json.index("{\"schemaVersion\":1}".getBytes(), "index"))
                .hasMessageContaining("schemaVersion 1");
        assertThatThrownBy(() -> json.index("not json".getBytes(), "index"))
                .isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> json.index("{\"schemaVersion\":2,\"manifests\":[{\"digest\":\"sha256:../x\"}]}"
                .getBytes(), "index")).isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> json.index("{\"schemaVersion\":2} {}".getBytes(), "index"))
                .isInstanceOf(InvalidImageException.class);
        assertThatThrownBy(() -> json.index("null".getBytes(), "index"))
                .isInstanceOf(InvalidImageException.class);
    }
}
