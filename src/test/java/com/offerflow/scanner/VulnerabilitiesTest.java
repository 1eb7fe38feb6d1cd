package com.offerflow.scanner;

import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CertificationReport.Outcome;
import com.offerflow.scanner.report.Vulnerability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.offerflow.scanner.ImageScannerTest.evidence;
import static com.offerflow.scanner.ImageScannerTest.names;
import static org.assertj.core.api.Assertions.assertThat;

class VulnerabilitiesTest {

    @TempDir
    Path tmp;

    private static String advisory(String id, String ecosystem, String pkg, String severity, String events) {
        return """
                {"schema_version":"1.6.0","id":"%s","aliases":["%s-CVE"],"summary":"%s in %s",
                 %s
                 "affected":[{"package":{"ecosystem":"%s","name":"%s"},
                   "ranges":[{"type":"ECOSYSTEM","events":[%s]}]}]}
                """.formatted(id, id, id, pkg, severity, ecosystem, pkg, events);
    }

    private ImageScanner scannerWith(String... advisories) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("osv").resolve("debian"));
        for (int i = 0; i < advisories.length; i++) {
            Files.writeString(dir.resolve("a" + i + ".json"), advisories[i]);
        }
        Files.writeString(dir.resolve("broken.json"), "{not json");
        return new ImageScanner(ScanSettings.builder().advisoriesDir(tmp.resolve("osv")).build());
    }

    @Test
    void aCriticalVulnerabilityOfTheSourcePackageFailsAndNamesTheFix() throws Exception {
        ImageScanner scanner = scannerWith(advisory("DSA-0001-1", "Debian:12", "openssl",
                "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],",
                "{\"introduced\":\"0\"},{\"fixed\":\"3.0.13-1~deb12u1\"}"));
        CertificationReport report = ImageScannerTest.scan(scanner, TestImages.clean(), tmp);
        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(names(report.failed())).containsExactly("vulnerabilities");
        assertThat(report.vulnerabilities()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo("DSA-0001-1");
            assertThat(v.packageName()).isEqualTo("libssl3");
            assertThat(v.installedVersion()).isEqualTo("3.0.11-1~deb12u2");
            assertThat(v.fixedVersion()).isEqualTo("3.0.13-1~deb12u1");
            assertThat(v.cvssScore()).isEqualTo(9.8);
            assertThat(v.severity()).isEqualTo("CRITICAL");
        });
        assertThat(evidence(report, "vulnerabilities").get(0).detail())
                .isEqualTo("DSA-0001-1 in libssl3 3.0.11-1~deb12u2 (fixed in 3.0.13-1~deb12u1), CVSS 9.8, CRITICAL");
    }

    @Test
    void aLowVulnerabilityOnlyNeedsReview() throws Exception {
        ImageScanner scanner = scannerWith(advisory("DEBIAN-CVE-2000-1", "Debian:12", "bash",
                "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N\"}],",
                "{\"introduced\":\"0\"},{\"fixed\":\"5.2.15-3\"}"));
        CertificationReport report = ImageScannerTest.scan(scanner, TestImages.clean(), tmp);
        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.NEEDS_REVIEW);
        assertThat(names(report.warnings())).containsExactly("vulnerabilities");
        assertThat(report.vulnerabilities()).extracting(Vulnerability::severity).containsExactly("LOW");
    }

    @Test
    void unscoredAdvisoriesUseTheirQualitativeSeverity() throws Exception {
        ImageScanner scanner = scannerWith(advisory("GHSA-x", "Debian", "bash",
                "\"database_specific\":{\"severity\":\"HIGH\"},", "{\"introduced\":\"5.0\"}"));
        CertificationReport report = ImageScannerTest.scan(scanner, TestImages.clean(), tmp);
        assertThat(names(report.failed())).containsExactly("vulnerabilities");
        assertThat(report.vulnerabilities()).singleElement().satisfies(v -> {
            assertThat(v.cvssScore()).isNull();
            assertThat(v.fixedVersion()).isNull();
            assertThat(v.severity()).isEqualTo("HIGH");
        });
    }

    @Test
    void fixedOrOtherReleaseOrWithdrawnAdvisoriesDoNotMatch() throws Exception {
        String crit = "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\"}],";
        ImageScanner scanner = scannerWith(
                advisory("DSA-fixed", "Debian:12", "openssl", crit,
                        "{\"introduced\":\"0\"},{\"fixed\":\"3.0.11-1~deb12u1\"}"),
                advisory("DSA-other-release", "Debian:11", "openssl", crit, "{\"introduced\":\"0\"}"),
                advisory("DSA-withdrawn", "Debian:12", "openssl", crit + "\"withdrawn\":\"2024-01-01T00:00:00Z\",",
                        "{\"introduced\":\"0\"}"),
                advisory("DSA-last-affected", "Debian:12", "openssl", crit,
                        "{\"introduced\":\"0\"},{\"last_affected\":\"3.0.9-1\"}"),
                advisory("ALPINE-x", "Alpine:v3.20", "openssl", crit, "{\"introduced\":\"0\"}"));
        CertificationReport report = ImageScannerTest.scan(scanner, TestImages.clean(), tmp);
        assertThat(report.vulnerabilities()).isEmpty();
        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.PASSED);
        assertThat(evidence(report, "vulnerabilities").get(0).detail()).contains("2 packages checked");
    }

    @Test
    void matchesAlpinePackagesByOriginWithApkOrdering() throws Exception {
        ImageScanner scanner = scannerWith(advisory("ALPINE-CVE-1", "Alpine:v3.20", "openssl",
                "\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N\"}],",
                "{\"introduced\":\"0\"},{\"fixed\":\"3.3.2-r1\"}"));
        CertificationReport report = ImageScannerTest.scan(scanner, com.offerflow.image.OciImageBuilder.image()
                .user("1000").labels(TestImages.LABELS)
                .layer(l -> l.file("licenses/x", "x").file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n")
                        .file("lib/apk/db/installed", "P:libcrypto3\nV:3.3.2-r0\no:openssl\n\n")), tmp);
        assertThat(report.vulnerabilities()).singleElement().satisfies(v -> {
            assertThat(v.packageName()).isEqualTo("libcrypto3");
            assertThat(v.fixedVersion()).isEqualTo("3.3.2-r1");
            assertThat(v.cvssScore()).isEqualTo(5.9);
        });
        assertThat(report.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    }

    @Test
    void aMissingAdvisoriesDirectoryIsAnError() throws Exception {
        ImageScanner scanner = new ImageScanner(ScanSettings.builder().advisoriesDir(tmp.resolve("nope")).build());
        CertificationReport report = ImageScannerTest.scan(scanner, TestImages.clean(), tmp);
        assertThat(names(report.errors())).containsExactly("vulnerabilities");
    }
}
