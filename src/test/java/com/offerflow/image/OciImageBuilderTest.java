package com.offerflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OciImageBuilderTest {

    @TempDir
    Path tmp;

    static OciImageBuilder sample() {
        return OciImageBuilder.image()
                .user("1000:1000")
                .label("name", "hello")
                .layer(l -> l.dir("app").file("app/hello.sh", "echo hi\n", 0755).symlink("app/run", "hello.sh"))
                .layer(l -> l.whiteout("app/run").hardlink("app/hi", "app/hello.sh"))
                .tag("1.0");
    }

    @Test
    void writesTheSameBytesEveryTime() {
        assertThat(sample().toArchiveBytes()).isEqualTo(sample().toArchiveBytes());
    }

    @Test
    void writesAnArchiveThatOpensWithItsConfigAndDiffIds() throws Exception {
        Path file = tmp.resolve("image.tar");
        Descriptor top = sample().writeArchive(file);
        try (OciArchive archive = OciArchive.open(file, ImageLimits.defaults())) {
            assertThat(archive.tags()).containsExactly("1.0");
            var manifests = archive.manifests();
            assertThat(manifests).hasSize(1);
            assertThat(manifests.get(0).descriptor().digest()).isEqualTo(top.digest());
            ImageManifest manifest = manifests.get(0).manifest();
            assertThat(manifest.layers()).hasSize(2)
                    .allSatisfy(l -> assertThat(l.mediaType()).isEqualTo(MediaTypes.OCI_LAYER_GZIP));
            ImageConfig config = archive.config(manifest.config());
            assertThat(config.config().user()).isEqualTo("1000:1000");
            assertThat(config.rootfs().diffIds()).hasSize(2);
            for (int i = 0; i < 2; i++) {
                Descriptor layer = manifest.layers().get(i);
                try (var in = new java.util.zip.GZIPInputStream(archive.openBlob(layer))) {
                    assertThat(Digest.of(in)).isEqualTo(config.rootfs().diffIds().get(i));
                }
                try (var in = archive.openBlob(layer)) {
                    assertThat(Digest.of(in)).isEqualTo(layer.digest());
                }
            }
        }
    }

    @Test
    void writesAMultiPlatformIndex() throws Exception {
        Descriptor top = OciImageBuilder.image()
                .layer(l -> l.file("a", "amd64"))
                .addPlatform(OciImageBuilder.image().platform("linux", "arm64").layer(l -> l.file("a", "arm64")))
                .tag("latest")
                .writeLayout(tmp.resolve("layout"));
        assertThat(top.mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
        OciLayout layout = OciLayout.open(tmp.resolve("layout"), ImageLimits.defaults());
        assertThat(layout.manifests()).extracting(m -> m.platform().text())
                .containsExactly("linux/amd64", "linux/arm64");
        assertThat(layout.manifests()).allSatisfy(m -> assertThat(m.tags()).containsExactly("latest"));
    }

    @Test
    void skipsBuildxAttestationManifests() throws Exception {
        Path dir = tmp.resolve("attested");
        Descriptor image = OciImageBuilder.image().layer(l -> l.file("a", "b")).writeLayout(dir);
        OciLayout layout = OciLayout.open(dir, ImageLimits.defaults());
        Descriptor config = layout.putBlob(MediaTypes.OCI_CONFIG, "{}".getBytes());
        Descriptor statement = layout.putBlob("application/vnd.in-toto+json", "{\"_type\":\"x\"}".getBytes());
        Descriptor attestation = layout.putBlob(MediaTypes.OCI_MANIFEST, ImageJson.write(new ImageManifest(2,
                MediaTypes.OCI_MANIFEST, config, java.util.List.of(statement), null)));
        Descriptor index = layout.putBlob(MediaTypes.OCI_INDEX, ImageJson.write(ImageIndex.of(java.util.List.of(
                image.withPlatform(Platform.LINUX_AMD64),
                attestation.withPlatform(Platform.of("unknown", "unknown"))
                        .withAnnotation("vnd.docker.reference.type", "attestation-manifest")
                        .withAnnotation("vnd.docker.reference.digest", image.digest().toString())))));
        layout.removeManifest(null);
        layout.putManifest(index, "1.0");
        assertThat(OciLayout.open(dir, ImageLimits.defaults()).manifests()).singleElement()
                .satisfies(m -> assertThat(m.descriptor().digest()).isEqualTo(image.digest()));
    }

    @Test
    void writesUncompressedLayers() throws Exception {
        Path dir = tmp.resolve("plain");
        OciImageBuilder.image().uncompressed().layer(l -> l.file("x", "y")).writeLayout(dir);
        OciLayout layout = OciLayout.open(dir, ImageLimits.defaults());
        Descriptor layer = layout.manifests().get(0).manifest().layers().get(0);
        assertThat(layer.mediaType()).isEqualTo(MediaTypes.OCI_LAYER);
        assertThat(Files.size(layout.blobPath(layer.digest()))).isEqualTo(layer.size()).isGreaterThan(1024);
    }
}
