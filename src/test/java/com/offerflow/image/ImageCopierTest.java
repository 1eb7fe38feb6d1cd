package com.offerflow.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageCopierTest {

    @TempDir
    Path tmp;

    @Test
    void copiesAnArchiveIntoALayoutAndSkipsWhatIsThereOnRetry() throws Exception {
        Path file = tmp.resolve("image.tar");
        Descriptor manifest = OciImageBuilder.image()
                .layer(l -> l.file("a", "one"))
                .layer(l -> l.file("b", "two"))
                .writeArchive(file);
        OciLayout region = OciLayout.create(tmp.resolve("region"));
        try (OciArchive archive = OciArchive.open(file, ImageLimits.defaults())) {
            var first = ImageCopier.copy(archive, manifest, region, "offer-42");
            assertThat(first.copied()).isEqualTo(4);
            var second = ImageCopier.copy(archive, manifest, region, "offer-42");
            assertThat(second.copied()).isZero();
        }
        assertThat(region.index().refNames()).containsExactly("offer-42");
        assertThat(region.manifests()).singleElement()
                .satisfies(m -> assertThat(m.descriptor().digest()).isEqualTo(manifest.digest()));
    }

    @Test
    void copiesEveryPlatformOfAnIndex() throws Exception {
        Path src = tmp.resolve("src");
        Descriptor index = OciImageBuilder.image().layer(l -> l.file("a", "amd"))
                .addPlatform(OciImageBuilder.image().platform("linux", "arm64").layer(l -> l.file("a", "arm")))
                .writeLayout(src);
        OciLayout target = OciLayout.create(tmp.resolve("dst"));
        ImageCopier.copy(OciLayout.open(src, ImageLimits.defaults()), index, target, "1.0");
        assertThat(target.manifests()).hasSize(2);
    }

    @Test
    void aCorruptSourceBlobStopsTheCopyWithoutListingTheImage() throws Exception {
        Path src = tmp.resolve("src");
        Descriptor manifest = OciImageBuilder.image().layer(l -> l.file("a", "x".repeat(1000))).writeLayout(src);
        OciLayout source = OciLayout.open(src, ImageLimits.defaults());
        Descriptor layer = source.manifest(manifest).layers().get(0);
        try (var ch = Files.newByteChannel(source.blobPath(layer.digest()), StandardOpenOption.WRITE)) {
            ch.position(20);
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{1, 2, 3}));
        }
        OciLayout target = OciLayout.create(tmp.resolve("dst"));
        assertThatThrownBy(() -> ImageCopier.copy(source, manifest, target, "1.0"))
                .isInstanceOf(DigestMismatchException.class);
        assertThat(target.index().manifests()).isEmpty();
        assertThat(target.hasBlob(manifest.digest())).isFalse();
    }
}
