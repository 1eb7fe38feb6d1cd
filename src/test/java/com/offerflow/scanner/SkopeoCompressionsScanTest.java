package com.offerflow.scanner;

import com.offerflow.image.ImageLimits;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciLayout;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CertificationReport.Outcome;
import com.offerflow.support.Commands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static com.offerflow.support.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images as skopeo (Debian package {@code skopeo}) re-compresses them pass the scan as their gzip original does:
 * zstd layers, and zstd:chunked layers, whose table of contents sits in skippable zstd frames.
 */
class SkopeoCompressionsScanTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void skopeoIsInstalled() {
        Commands.assertInstalled("/usr/bin/skopeo", "skopeo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zstd", "zstd:chunked"})
    void passesTheImageSkopeoRecompressed(String format) throws Exception {
        Path archive = tmp.resolve("gzip.tar");
        TestImages.clean().writeArchive(archive);
        Path layout = tmp.resolve("recompressed");
        run("skopeo", "copy", "--dest-compress-format", format, "oci-archive:" + archive + ":1.0",
                "oci:" + layout + ":1.0");
        assertThat(run("skopeo", "inspect", "--raw", "oci:" + layout + ":1.0")).contains(MediaTypes.OCI_LAYER_ZSTD)
                .doesNotContain(MediaTypes.OCI_LAYER_GZIP);

        ImageScanner scanner = new ImageScanner(ScanSettings.defaults());
        CertificationReport report = scanner.scan(OciLayout.open(layout, ImageLimits.defaults()),
                ScanProgressListener.NONE);
        CertificationReport original = ImageScannerTest.scan(scanner, TestImages.clean(), tmp);

        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.PASSED);
        assertThat(report.passed()).isEqualTo(original.passed());
        assertThat(report.packages()).isEqualTo(original.packages());
        assertThat(report.image().uncompressedSize()).isEqualTo(original.image().uncompressedSize());
    }
}
