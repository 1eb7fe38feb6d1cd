package com.offerflow.image.registry;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.OciLayout;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.scanner.ScanProgressListener;
import com.offerflow.scanner.ScanSettings;
import com.offerflow.scanner.report.CertificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Push to and read from the real reference registry, anonymously. */
class RegistryImageSourceTest {

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.anonymous();

    @TempDir
    Path tmp;

    static OciLayout sample(Path dir, long bigLayer) throws Exception {
        byte[] big = new byte[(int) bigLayer];
        new Random(3).nextBytes(big);
        OciImageBuilder.image().user("1000")
                .layer(l -> l.file("licenses/LICENSE", "MIT").file("hello.txt", "hi"))
                .layer(l -> l.file("data.bin", big))
                .addPlatform(OciImageBuilder.image().platform("linux", "arm64").user("1000")
                        .layer(l -> l.file("licenses/LICENSE", "MIT").file("arm", "64")))
                .tag("1.0").writeLayout(dir);
        return OciLayout.open(dir, ImageLimits.defaults());
    }

    @Test
    void pushesAMultiPlatformImageInChunksAndReadsItBack() throws Exception {
        OciLayout layout = sample(tmp.resolve("src"), 300_000);
        Descriptor top = layout.index().manifests().get(0);
        RegistryClient client = new RegistryClient(null, Duration.ofSeconds(10), 64 * 1024);
        RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/offers/hello:1.0");
        client.push(layout, top, target);
        client.push(layout, top, target); // again: everything is there already

        try (RegistryImageSource source = client.open(target, ImageLimits.defaults())) {
            assertThat(source.tags()).containsExactly("1.0");
            assertThat(source.top().digest()).isEqualTo(top.digest());
            assertThat(source.manifests()).extracting(m -> m.platform().text())
                    .containsExactly("linux/amd64", "linux/arm64");
            OciLayout copy = OciLayout.create(tmp.resolve("copy"));
            ImageCopier.copy(source, source.top(), copy, "1.0");
            assertThat(copy.manifests()).hasSize(2);
        }
        RegistryReference byDigest = RegistryReference.parse(REGISTRY.url() + "/offers/hello@" + top.digest());
        try (RegistryImageSource source = client.open(byDigest, ImageLimits.defaults())) {
            assertThat(source.manifests()).hasSize(2);
        }
    }

    @Test
    void theScannerReadsAnImageFromTheRegistry() throws Exception {
        OciLayout layout = sample(tmp.resolve("src"), 1000);
        RegistryClient client = new RegistryClient(null);
        RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/offers/scanned:2.0");
        client.push(layout, layout.index().manifests().get(0), target);
        try (RegistryImageSource source = client.open(target, ImageLimits.defaults())) {
            CertificationReport report = new ImageScanner(ScanSettings.defaults())
                    .scan(source, ScanProgressListener.NONE);
            assertThat(report.image().reference()).isEqualTo(target.toString());
            assertThat(report.image().platforms()).containsExactly("linux/amd64", "linux/arm64");
            assertThat(report.failed()).extracting(c -> c.name()).containsExactly("required-labels");
        }
    }

    @Test
    void anUnknownImageIsAnImageProblem() {
        RegistryClient client = new RegistryClient(null);
        RegistryReference missing = RegistryReference.parse(REGISTRY.url() + "/offers/missing:1.0");
        assertThatThrownBy(() -> client.open(missing, ImageLimits.defaults()).index())
                .isInstanceOf(InvalidImageException.class)
                .extracting(e -> ((InvalidImageException) e).code()).isEqualTo("no-manifest");
    }

    @Test
    void refusesAManifestLargerThanTheLimit() throws Exception {
        OciLayout layout = sample(tmp.resolve("src"), 1000);
        RegistryClient client = new RegistryClient(null);
        RegistryReference target = RegistryReference.parse(REGISTRY.url() + "/offers/limited:1.0");
        client.push(layout, layout.index().manifests().get(0), target);
        assertThatThrownBy(() -> client.open(target, ImageLimits.defaults().withMaxManifestBytes(100)).index())
                .isInstanceOf(InvalidImageException.class).hasMessageContaining("limit");
    }

    @Test
    void parsesReferences() {
        RegistryReference r = RegistryReference.parse("http://127.0.0.1:5000/team/app:1.2");
        assertThat(r.repository()).isEqualTo("team/app");
        assertThat(r.tag()).isEqualTo("1.2");
        assertThat(RegistryReference.parse("https://registry.example/app").tag()).isEqualTo("latest");
        assertThatThrownBy(() -> RegistryReference.parse("127.0.0.1:5000/app")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> RegistryReference.parse("http://h/App:1")).isInstanceOf(
                IllegalArgumentException.class);
    }
}
