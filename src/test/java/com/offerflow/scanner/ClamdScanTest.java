package com.offerflow.scanner;

import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CertificationReport.Outcome;
import com.offerflow.scanner.report.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static com.offerflow.scanner.ImageScannerTest.evidence;
import static com.offerflow.scanner.ImageScannerTest.names;
import static org.assertj.core.api.Assertions.assertThat;

/** Files streamed to a real clamd over zINSTREAM. */
class ClamdScanTest {

    @RegisterExtension
    static final ClamdExtension CLAMD = new ClamdExtension();

    @TempDir
    Path tmp;

    private ImageScanner scanner(int port) {
        return new ImageScanner(ScanSettings.builder()
                .clamd(new ScanSettings.ClamdSettings("127.0.0.1", port, Duration.ofSeconds(10), 1024 * 1024))
                .build());
    }

    @Test
    void aCleanImagePassesClamd() throws Exception {
        CertificationReport report = ImageScannerTest.scan(scanner(CLAMD.port()), TestImages.clean(), tmp);
        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.PASSED);
        assertThat(names(report.passed())).contains("malware-clamd");
    }

    @Test
    void clamdFindsWhatHashSignaturesCannotEvenInADeletedFile() throws Exception {
        byte[] big = new byte[200_000];
        byte[] pattern = ClamdExtension.PATTERN.getBytes();
        System.arraycopy(pattern, 0, big, 150_000, pattern.length);
        CertificationReport report = ImageScannerTest.scan(scanner(CLAMD.port()), TestImages.clean()
                .layer(l -> l.file("opt/tool/payload.bin", big))
                .layer(l -> l.whiteout("opt/tool")), tmp);
        assertThat(names(report.failed())).containsExactly("malware-clamd");
        Evidence e = evidence(report, "malware-clamd").get(0);
        assertThat(e.path()).isEqualTo("opt/tool/payload.bin");
        assertThat(e.detail()).contains("Offerflow.Test.Pattern").contains("deleted by layer 4");
    }

    @Test
    void anUnreachableClamdIsAnError() throws Exception {
        int closed = ClamdExtension.freePort();
        CertificationReport report = ImageScannerTest.scan(scanner(closed), TestImages.clean(), tmp);
        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(names(report.errors())).containsExactly("malware-clamd");
        assertThat(evidence(report, "malware-clamd").get(0).detail()).contains("does not answer");
    }
}
