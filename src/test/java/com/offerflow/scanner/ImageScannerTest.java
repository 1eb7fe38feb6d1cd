package com.offerflow.scanner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.OciArchive;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.OciLayout;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CertificationReport.Outcome;
import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImageScannerTest {

    @TempDir
    Path tmp;

    private final ImageScanner scanner = new ImageScanner(ScanSettings.defaults());

    static CertificationReport scan(ImageScanner scanner, OciImageBuilder image, Path dir) throws Exception {
        Path file = Files.createTempFile(dir, "image", ".tar");
        image.writeArchive(file);
        try (OciArchive archive = OciArchive.open(file, ImageLimits.defaults())) {
            return scanner.scan(archive, ScanProgressListener.NONE);
        }
    }

    private CertificationReport scan(OciImageBuilder image) throws Exception {
        return scan(scanner, image, tmp);
    }

    static List<String> names(List<CheckResult> checks) {
        return checks.stream().map(CheckResult::name).toList();
    }

    static List<Evidence> evidence(CertificationReport report, String check) {
        CheckResult c = report.check(check);
        assertThat(c).as("check " + check + " in " + report.summary()).isNotNull();
        return c.evidence();
    }

    @Test
    void passesACleanImageWithEveryCheckAndAnInventory() throws Exception {
        CertificationReport report = scan(TestImages.clean());
        assertThat(report.outcome()).as(report.summary()).isEqualTo(Outcome.PASSED);
        assertThat(names(report.passed())).containsExactlyInAnyOrder("image-structure", "blob-integrity",
                "layer-diff-ids", "layer-format", "layer-limits", "safe-paths", "platform", "layer-count",
                "image-size", "non-root-user", "required-labels", "license-file", "malware-signatures", "secrets",
                "os-packages");
        assertThat(report.failed()).isEmpty();
        assertThat(report.packages()).extracting(p -> p.name() + "=" + p.version() + "@" + p.ecosystem() + ":"
                        + p.release() + "<" + p.source())
                .containsExactly("libssl3=3.0.11-1~deb12u2@Debian:12<openssl", "bash=5.2.15-2+b2@Debian:12<bash");
        assertThat(report.image().platforms()).containsExactly("linux/amd64");
        assertThat(report.image().tags()).containsExactly("1.0");
        assertThat(report.image().layerCount()).isEqualTo(2);
        assertThat(report.image().user()).isEqualTo("1000:1000");
        assertThat(report.image().labels()).containsEntry("vendor", "Contoso");
        assertThat(report.image().uncompressedSize()).isGreaterThan(report.image().compressedSize() / 2);
        assertThat(report.bytesScanned()).isPositive();
        assertThat(report.summary()).startsWith("Certification PASSED");
    }

    @Test
    void serializesToStableJson() throws Exception {
        CertificationReport report = scan(TestImages.clean().user(null));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String text = json.writeValueAsString(report);
        assertThat(text).startsWith("{\"outcome\":\"FAILED\",\"image\":{").contains("\"failed\":[{\"name\":"
                + "\"non-root-user\"").doesNotContain("\"summary\":\"Certification");
        CertificationReport back = json.readValue(text, CertificationReport.class);
        assertThat(back).isEqualTo(report);
    }

    @Test
    void sequentialAndParallelScansGiveTheSameReport() throws Exception {
        OciImageBuilder image = TestImages.clean().user("0")
                .layer(l -> l.file("tmp/eicar.com", HashSignatures.EICAR).file("../escape", "x")
                        .file("root/.ssh/id_rsa", "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n"))
                .layer(l -> l.whiteout("tmp"));
        CertificationReport parallel = scan(image);
        CertificationReport sequential = scan(new ImageScanner(ScanSettings.builder().parallel(false).build()),
                image, tmp);
        assertThat(names(parallel.failed())).containsExactly("safe-paths", "non-root-user", "malware-signatures",
                "secrets");
        assertThat(sequential.failed()).isEqualTo(parallel.failed());
        assertThat(sequential.passed()).isEqualTo(parallel.passed());
        assertThat(sequential.image().manifestDigest()).isEqualTo(parallel.image().manifestDigest());
        assertThat(sequential.image().uncompressedSize()).isEqualTo(parallel.image().uncompressedSize());
    }

    @Test
    void verifiesLayersLargerThanThePipelinesBuffersInBothModes() throws Exception {
        // incompressible, so the compressed blob spans many of the pipeline's 256 KiB batches and ends in a partial
        // one, and the uncompressed stream many 1 MiB chunks; the malware after it must still be seen
        byte[] noise = new byte[5 * 1024 * 1024 + 12_345];
        new java.util.Random(11).nextBytes(noise);
        OciImageBuilder image = TestImages.clean()
                .layer(l -> l.file("opt/app/data.bin", noise).file("opt/app/zeros.bin", new byte[3 * 1024 * 1024])
                        .file("opt/app/late/eicar.com", HashSignatures.EICAR));
        CertificationReport parallel = scan(image);
        CertificationReport sequential = scan(new ImageScanner(ScanSettings.builder().parallel(false).build()),
                image, tmp);
        for (CertificationReport report : List.of(parallel, sequential)) {
            assertThat(names(report.passed())).as(report.summary()).contains("blob-integrity", "layer-diff-ids");
            assertThat(names(report.failed())).containsExactly("malware-signatures");
            assertThat(evidence(report, "malware-signatures")).extracting(Evidence::path)
                    .containsExactly("opt/app/late/eicar.com");
            assertThat(report.image().compressedSize()).isGreaterThan(noise.length);
        }
        assertThat(sequential.image().uncompressedSize()).isEqualTo(parallel.image().uncompressedSize());
    }

    @Test
    void scansZstdLayersAsItScansGzipOnes() throws Exception {
        CertificationReport zstd = scan(TestImages.clean().zstd());
        CertificationReport gzip = scan(TestImages.clean());
        assertThat(zstd.outcome()).as(zstd.summary()).isEqualTo(Outcome.PASSED);
        assertThat(zstd.passed()).isEqualTo(gzip.passed());
        assertThat(zstd.packages()).isEqualTo(gzip.packages());
        assertThat(zstd.image().uncompressedSize()).isEqualTo(gzip.image().uncompressedSize());

        CertificationReport infected = scan(TestImages.clean().zstd()
                .layer(l -> l.file("tmp/eicar.com", HashSignatures.EICAR)));
        assertThat(names(infected.failed())).containsExactly("malware-signatures");
    }

    @Test
    void aPackageListLongerThanAReportCarriesIsAWarningNotAnInventory() throws Exception {
        StringBuilder status = new StringBuilder();
        for (int i = 0; i <= ScanContext.MAX_CAPTURED_PACKAGES; i++) {
            status.append("Package: p").append(i).append("\nStatus: install ok installed\nVersion: 1.0\n\n");
        }
        CertificationReport report = scan(TestImages.clean()
                .layer(l -> l.file("var/lib/dpkg/status", status.toString())));
        assertThat(names(report.warnings())).contains("os-packages");
        assertThat(evidence(report, "os-packages")).extracting(Evidence::detail)
                .anyMatch(d -> d.contains("more than " + ScanContext.MAX_CAPTURED_PACKAGES + " packages"));
        assertThat(report.packages().size()).isLessThanOrEqualTo(ScanContext.MAX_CAPTURED_PACKAGES);
    }

    @Test
    void reportsProgressUpToTheTotal() throws Exception {
        Path file = tmp.resolve("p.tar");
        TestImages.clean().writeArchive(file);
        List<long[]> calls = new ArrayList<>();
        try (OciArchive archive = OciArchive.open(file, ImageLimits.defaults())) {
            scanner.scan(archive, (done, total) -> calls.add(new long[]{done, total}));
        }
        assertThat(calls).isNotEmpty();
        long[] last = calls.get(calls.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isPositive();
    }

    @Test
    void rejectsImagesRunningAsRoot() throws Exception {
        for (String user : new String[]{null, "", "0", "0:0", "root", "root:root", "toor", "0:1000"}) {
            CertificationReport report = scan(TestImages.clean().user(user));
            assertThat(report.outcome()).as(user).isEqualTo(Outcome.FAILED);
            assertThat(names(report.failed())).as(user).containsExactly("non-root-user");
        }
    }

    @Test
    void acceptsNonRootUsersAndResolvesNamesInPasswd() throws Exception {
        for (String user : new String[]{"1000", "1000:0", "app", "app:app", "65532:65532"}) {
            CertificationReport report = scan(TestImages.clean().user(user));
            assertThat(names(report.passed())).as(user).contains("non-root-user");
        }
        CertificationReport unknown = scan(TestImages.clean().user("nobody-here"));
        assertThat(evidence(unknown, "non-root-user")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("not in the image's /etc/passwd"));
    }

    @Test
    void resolvesUsersInTheFinalFileSystem() throws Exception {
        CertificationReport report = scan(TestImages.clean().user("app")
                .layer(l -> l.file("etc/passwd", "root:x:0:0::/root:/bin/sh\napp:x:0:0::/:/bin/sh\n")));
        assertThat(names(report.failed())).containsExactly("non-root-user");
        assertThat(evidence(report, "non-root-user").get(0).detail()).contains("uid 0");
    }

    @Test
    void requiresLabelsAndAcceptsOciAnnotations() throws Exception {
        CertificationReport missing = scan(OciImageBuilder.image().user("1000")
                .layer(l -> l.file("licenses/LICENSE", "MIT")).label("name", "x"));
        assertThat(names(missing.failed())).containsExactly("required-labels");
        assertThat(evidence(missing, "required-labels").get(0).detail())
                .contains("missing vendor, version, summary, description, licenses");

        CertificationReport annotated = scan(OciImageBuilder.image().user("1000")
                .layer(l -> l.file("licenses/LICENSE", "MIT"))
                .annotation("org.opencontainers.image.title", "x")
                .annotation("org.opencontainers.image.vendor", "Contoso")
                .annotation("org.opencontainers.image.version", "1")
                .annotation("org.opencontainers.image.description", "an image")
                .annotation("org.opencontainers.image.licenses", "MIT"));
        assertThat(annotated.outcome()).as(annotated.summary()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void requiresALicenseFileThatIsStillThere() throws Exception {
        CertificationReport none = scan(OciImageBuilder.image().user("1000").labels(TestImages.LABELS)
                .layer(l -> l.file("usr/share/doc/x/copyright", "x")));
        assertThat(names(none.failed())).containsExactly("license-file");

        CertificationReport root = scan(OciImageBuilder.image().user("1000").labels(TestImages.LABELS)
                .layer(l -> l.file("LICENSE.txt", "MIT")));
        assertThat(root.outcome()).isEqualTo(Outcome.PASSED);

        CertificationReport workdir = scan(OciImageBuilder.image().user("1000").labels(TestImages.LABELS)
                .workingDir("/opt/app").layer(l -> l.file("opt/app/COPYING", "GPL")));
        assertThat(workdir.outcome()).isEqualTo(Outcome.PASSED);

        CertificationReport deleted = scan(TestImages.clean().layer(l -> l.whiteout("licenses")));
        assertThat(names(deleted.failed())).containsExactly("license-file");
        assertThat(evidence(deleted, "license-file").get(0).detail()).contains("deleted by a later layer");
    }

    @Test
    void requiresLinuxAmd64AmongThePlatforms() throws Exception {
        CertificationReport arm = scan(TestImages.clean().platform("linux", "arm64"));
        assertThat(names(arm.failed())).containsExactly("platform");
        assertThat(evidence(arm, "platform").get(0).detail()).contains("linux/arm64").contains("not linux/amd64");

        CertificationReport multi = scan(TestImages.clean().platform("linux", "arm64")
                .addPlatform(TestImages.clean()));
        assertThat(multi.outcome()).as(multi.summary()).isEqualTo(Outcome.PASSED);
        assertThat(multi.image().platforms()).containsExactly("linux/arm64", "linux/amd64");
    }

    @Test
    void limitsLayerCountAndImageSize() throws Exception {
        ImageScanner strict = new ImageScanner(ScanSettings.builder().maxLayers(2).maxImageBytes(2000).build());
        CertificationReport report = scan(strict, TestImages.clean().layer(l -> l.file("x", "y".repeat(5000))),
                tmp);
        assertThat(names(report.failed())).contains("layer-count", "image-size");
        assertThat(evidence(report, "layer-count").get(0).detail()).contains("3 layers, more than 2");
        assertThat(names(report.errors())).contains("malware-signatures", "secrets");
    }

    @Test
    void findsTheEicarTestFileOutOfTheBoxEvenWhenALaterLayerDeletesIt() throws Exception {
        CertificationReport report = scan(TestImages.clean()
                .layer(l -> l.dir("tmp").file("tmp/eicar.com", HashSignatures.EICAR))
                .layer(l -> l.whiteout("tmp/eicar.com")));
        assertThat(names(report.failed())).containsExactly("malware-signatures");
        Evidence e = evidence(report, "malware-signatures").get(0);
        assertThat(e.path()).isEqualTo("tmp/eicar.com");
        assertThat(e.layerIndex()).isEqualTo(2);
        assertThat(e.detail()).contains("Eicar-Test-Signature").contains("deleted by layer 4 (whiteout)")
                .contains("still shipped in layer 3");
    }

    @Test
    void aFailedCheckSaysWhatIsWrongAndWhatItRequiresInHelp() throws Exception {
        CertificationReport report = scan(TestImages.clean().layer(l -> l.file("tmp/eicar.com", HashSignatures.EICAR)));
        CheckResult malware = report.check("malware-signatures");
        assertThat(malware.description()).isEqualTo("A file in the image matches a known malware hash signature.");
        assertThat(malware.help()).startsWith("No file in any layer may match a known malware hash signature");
        assertThat(malware.evidence()).extracting(Evidence::toString).singleElement().asString()
                .contains("/tmp/eicar.com: matches signature Eicar-Test-Signature");
        assertThat(report.check("platform").description()).isEqualTo(
                "The image provides the required platform (linux/amd64 by default).");
        assertThat(report.summary()).contains("- FAILED malware-signatures: layer 3");
    }

    @Test
    void findsFilesMatchingConfiguredHdbAndHsbSignatures() throws Exception {
        byte[] bad = "this is not really malware, but we say it is\n".getBytes();
        byte[] worse = "another sample\n".getBytes();
        Path hdb = tmp.resolve("custom.hdb");
        Files.writeString(hdb, "# test signatures\n" + HashSignatures.hex(HashSignatures.Algorithm.MD5, bad) + ":"
                + bad.length + ":Test.Custom.Md5\nnot a valid line\n");
        Path hsb = tmp.resolve("custom.hsb");
        Files.writeString(hsb, HashSignatures.hex(HashSignatures.Algorithm.SHA256, worse) + ":*:Test.Custom.Sha256:73\n");
        ImageScanner custom = new ImageScanner(ScanSettings.builder().signatureFiles(List.of(hdb, hsb)).build());
        CertificationReport report = scan(custom, TestImages.clean()
                .layer(l -> l.file("usr/lib/bad.so", bad).file("opt/worse.bin", worse)
                        .opaque("opt")), tmp);
        assertThat(evidence(report, "malware-signatures")).extracting(Evidence::path, e -> e.detail().split(" \\(")[0])
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("usr/lib/bad.so", "matches signature Test.Custom.Md5"),
                        org.assertj.core.groups.Tuple.tuple("opt/worse.bin", "matches signature Test.Custom.Sha256"));
    }

    @Test
    void aMissingSignatureFileIsAnError() throws Exception {
        ImageScanner broken = new ImageScanner(ScanSettings.builder()
                .signatureFiles(List.of(tmp.resolve("missing.hdb"))).build());
        CertificationReport report = scan(broken, TestImages.clean(), tmp);
        assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(names(report.errors())).containsExactly("malware-signatures");
    }

    @Test
    void findsSecretsWithPathAndLayer() throws Exception {
        String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
                + "-----END OPENSSH PRIVATE KEY-----\n";
        CertificationReport report = scan(TestImages.clean()
                .layer(l -> l.file("root/.ssh/id_ed25519", key)
                        .file("root/.aws/credentials", "[default]\naws_access_key_id = AKIAZ3MSJV4WZTQ2XK7P\n"
                                + "aws_secret_access_key = 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\n")
                        .file("app/.npmrc", "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789\n")
                        .file("app/settings.yaml", "github: ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789\n")
                        .file("usr/share/doc/aws/example.txt", "AKIAZ3MSJV4WZTQ2XK7P\n")
                        .file("app/docs.txt", "AKIAIOSFODNN7EXAMPLE is the documented example key\n")));
        assertThat(names(report.failed())).containsExactly("secrets");
        List<Evidence> found = evidence(report, "secrets");
        assertThat(found).extracting(Evidence::path).containsOnly("root/.ssh/id_ed25519", "root/.aws/credentials",
                "app/.npmrc", "app/settings.yaml");
        assertThat(found).extracting(Evidence::detail).anyMatch(d -> d.startsWith("private key"))
                .anyMatch(d -> d.startsWith("AWS access key ID (AKIA****)"))
                .anyMatch(d -> d.startsWith("AWS secret access key"))
                .anyMatch(d -> d.startsWith("GitHub token (ghp_****)"));
        assertThat(found).allSatisfy(e -> assertThat(e.layerIndex()).isEqualTo(2));
        assertThat(report.toString()).doesNotContain("wJalrXUtnFEMI").doesNotContain("abcdefghijklmnop");
    }

    @Test
    void saysWhenASecretWasDeletedOrReplacedLater() throws Exception {
        CertificationReport report = scan(TestImages.clean()
                .layer(l -> l.file("app/.env", "AWS_KEY=AKIAZ3MSJV4WZTQ2XK7P\n"))
                .layer(l -> l.file("app/.env", "AWS_KEY=\n")));
        assertThat(evidence(report, "secrets")).singleElement().satisfies(e -> assertThat(e.detail())
                .contains("replaced by layer 4, but the original is still shipped in layer 3"));
    }

    @Test
    void readsDpkgStatusDAndApkAndFollowsLaterLayers() throws Exception {
        CertificationReport distroless = scan(OciImageBuilder.image().user("65532").labels(TestImages.LABELS)
                .layer(l -> l.file("licenses/x", "x").file("etc/os-release", TestImages.OS_RELEASE)
                        .file("var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\n"
                                + "Architecture: amd64\n")
                        .file("var/lib/dpkg/status.d/base-files.md5sums", "0123 etc/issue\n")
                        .file("var/lib/dpkg/status.d/tzdata", "Package: tzdata\nVersion: 2024a-0+deb12u1\n")));
        assertThat(distroless.packages()).extracting(p -> p.name() + "=" + p.version())
                .containsExactlyInAnyOrder("base-files=12.4+deb12u5", "tzdata=2024a-0+deb12u1");

        CertificationReport alpine = scan(OciImageBuilder.image().user("1000").labels(TestImages.LABELS)
                .layer(l -> l.file("licenses/x", "x")
                        .file("etc/os-release", "ID=alpine\nVERSION_ID=3.20.3\n")
                        .file("lib/apk/db/installed", "C:Q1abc=\nP:musl\nV:1.2.5-r0\nA:x86_64\no:musl\n\n"
                                + "C:Q1def=\nP:libcrypto3\nV:3.3.2-r0\no:openssl\n\n")));
        assertThat(alpine.packages()).extracting(p -> p.name() + "=" + p.version() + "@" + p.ecosystem() + ":"
                + p.release() + "<" + p.source()).containsExactly("musl=1.2.5-r0@Alpine:v3.20<musl",
                "libcrypto3=3.3.2-r0@Alpine:v3.20<openssl");

        CertificationReport upgraded = scan(TestImages.clean().layer(l -> l.file("var/lib/dpkg/status",
                "Package: bash\nStatus: install ok installed\nVersion: 5.2.15-2+b7\n")));
        assertThat(upgraded.packages()).extracting(p -> p.name() + "=" + p.version())
                .containsExactly("bash=5.2.15-2+b7");

        CertificationReport removed = scan(TestImages.clean().layer(l -> l.whiteout("var/lib/dpkg")));
        assertThat(removed.packages()).isEmpty();
    }
}
