package com.offerflow.storage;

import com.offerflow.demo.SampleImage;
import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.OciArchive;
import com.offerflow.image.OciLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staging and the regions' layouts share one content-addressed blob store: a blob is written once, and every other
 * layout that holds it links the same file, so copying a package between them writes no blob bytes.
 */
class SharedBlobStoreTest {

    @TempDir
    Path tmp;

    @Test
    void aCopyBetweenLayoutsOfOneStoreLinksEveryBlobAndWritesNone() throws Exception {
        Path shared = tmp.resolve("blobs");
        Path archive = tmp.resolve("image.tar");
        Files.write(archive, SampleImage.image().toArchiveBytes());
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults());
             OciLayout staging = OciLayout.create(tmp.resolve("staging"), ImageLimits.defaults(), shared);
             OciLayout region = OciLayout.create(tmp.resolve("region"), ImageLimits.defaults(), shared)) {
            Descriptor manifest = image.index().manifests().get(0);
            ImageCopier.CopyResult packaged = ImageCopier.copy(image, manifest, staging, "1.0.0");
            assertThat(packaged.bytes()).isPositive();

            ImageCopier.CopyResult replicated = ImageCopier.copy(staging, manifest, region, "1.0.0");

            assertThat(replicated.bytes()).as("bytes written").isZero();
            List<Path> blobs = list(staging.dir().resolve("blobs/sha256"));
            assertThat(blobs).hasSize(4); // manifest, config, two layers
            for (Path blob : blobs) {
                Path twin = region.blobPath(com.offerflow.image.Digest.parse("sha256:" + blob.getFileName()));
                assertThat(Files.isSameFile(blob, twin)).as("one file for " + blob.getFileName()).isTrue();
                assertThat(Files.isSameFile(blob, shared.resolve("sha256").resolve(blob.getFileName()))).isTrue();
            }
            assertThat(region.tags()).containsExactly("1.0.0");
        }
    }

    @Test
    void anUnchangedPackageIsLinkedFromTheStoreWithoutCopyingItsBlobs() throws Exception {
        Path shared = tmp.resolve("blobs");
        Path archive = tmp.resolve("image.tar");
        Files.write(archive, SampleImage.image().toArchiveBytes());
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults())) {
            Descriptor manifest = image.index().manifests().get(0);
            try (OciLayout first = OciLayout.create(tmp.resolve("first"), ImageLimits.defaults(), shared)) {
                ImageCopier.copy(image, manifest, first, "1.0.0");
            }
            try (OciLayout second = OciLayout.create(tmp.resolve("second"), ImageLimits.defaults(), shared)) {
                ImageCopier.CopyResult again = ImageCopier.copy(image, manifest, second, "1.0.0");
                assertThat(again.bytes()).isZero();
                assertThat(again.copied()).isZero();
            }
        }
    }

    private static List<Path> list(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        }
    }
}
