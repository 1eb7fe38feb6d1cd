package com.offerflow.demo;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageJson;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.OciArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo ships its sample image as a resource ({@link SampleOffer#IMAGE_RESOURCE}), since the image builder is test
 * code. The resource must be the image the tests build and publish ({@link SampleImage}): the same tags, and under
 * each the same manifest config (labels, user, history, and the digests of the uncompressed layers), whatever gzip
 * made of the layers. After changing {@link SampleImage}, write the resource again with
 * {@code mvn -q test -Dtest=SampleImageTest -Dofferflow.sample.write=true}.
 */
class SampleImageTest {

    private static final Path RESOURCE = Path.of("src/main/resources").resolve(SampleOffer.IMAGE_RESOURCE);

    @Test
    void theShippedSampleArchiveIsTheSampleImage(@TempDir Path dir) throws Exception {
        Path built = dir.resolve("built.tar");
        SampleImage.image().writeArchive(built);
        if (Boolean.getBoolean("offerflow.sample.write")) {
            Files.createDirectories(RESOURCE.getParent());
            Files.copy(built, RESOURCE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path shipped = dir.resolve("shipped.tar");
        try (InputStream in = SampleImageTest.class.getClassLoader().getResourceAsStream(SampleOffer.IMAGE_RESOURCE)) {
            assertThat(in).as("the resource " + SampleOffer.IMAGE_RESOURCE).isNotNull();
            Files.copy(in, shipped);
        }

        assertThat(configsByTag(shipped)).as("write it again: see this test's documentation")
                .isEqualTo(configsByTag(built)).containsOnlyKeys(SampleOffer.VERSION, "latest");
    }

    private static Map<String, String> configsByTag(Path archive) throws Exception {
        Map<String, String> configs = new TreeMap<>();
        try (OciArchive image = OciArchive.open(archive, ImageLimits.defaults())) {
            for (String tag : image.tags()) {
                Descriptor manifest = image.index().manifests().stream().filter(d -> tag.equals(d.refName()))
                        .findFirst().orElseThrow();
                configs.put(tag, new ImageJson(image.limits()).manifest(image.readBlob(manifest, 1 << 20), tag)
                        .config().digest().toString());
            }
        }
        return configs;
    }
}
