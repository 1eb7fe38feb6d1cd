package com.offerflow.sbom.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.ImageSummary;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.scanner.ScanSettings;
import com.offerflow.demo.SampleImage;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.OciLayout;
import org.cyclonedx.Version;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The SBOM of a certification report: valid CycloneDX 1.6 by the library's own schema validator, the image as the
 * container it describes, and exactly the report's packages with their purls.
 */
class CycloneDxSbomTest {

    private static final Digest MANIFEST = Digest.of("a manifest".getBytes());
    private static final CycloneDxSbom.Subject SUBJECT = new CycloneDxSbom.Subject("contoso/contoso-web", "1.0.0");
    private static final List<PackageInfo> PACKAGES = List.of(
            new PackageInfo("libssl3", "3.0.11-1~deb12u2", "Debian", "12", "openssl", "3.0.11-1~deb12u2"),
            new PackageInfo("zlib1g", "1:1.2.13.dfsg-1", "Debian", "12", "zlib", "1:1.2.13.dfsg-1"),
            new PackageInfo("libstdc++6", "12.2.0-14", "Debian", "12", "gcc-12", "12.2.0-14"),
            new PackageInfo("libc6", "2.36-9+deb12u4", "Debian", "12", "glibc", "2.36-9+deb12u4"),
            new PackageInfo("libc6", "2.36-9+deb12u4", "Debian", "12", "glibc", "2.36-9+deb12u4"),
            new PackageInfo("musl", "1.2.5-r0", "Alpine", "v3.20", "musl", "1.2.5-r0"),
            new PackageInfo("base-files", "12.4+deb12u5", "Debian", null, null, null));

    @TempDir
    Path tmp;

    @Test
    void isValidCycloneDx16AndListsExactlyTheReportsPackages() throws Exception {
        byte[] json = CycloneDxSbom.json(report(PACKAGES), SUBJECT);

        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        Bom bom = new JsonParser().parse(json);
        assertThat(bom.getSpecVersion()).isEqualTo("1.6");
        assertThat(libraries(bom)).extracting(Component::getName, Component::getVersion, Component::getPurl)
                .containsExactly(
                        tuple("libssl3", "3.0.11-1~deb12u2", "pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12"),
                        tuple("zlib1g", "1:1.2.13.dfsg-1", "pkg:deb/debian/zlib1g@1%3A1.2.13.dfsg-1?distro=debian-12"),
                        tuple("libstdc++6", "12.2.0-14",
                                "pkg:deb/debian/libstdc%2B%2B6@12.2.0-14?distro=debian-12"),
                        tuple("libc6", "2.36-9+deb12u4", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?distro=debian-12"),
                        tuple("libc6", "2.36-9+deb12u4", "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?distro=debian-12"),
                        tuple("musl", "1.2.5-r0", "pkg:apk/alpine/musl@1.2.5-r0?distro=alpine-3.20"),
                        tuple("base-files", "12.4+deb12u5", "pkg:deb/debian/base-files@12.4%2Bdeb12u5"));
        assertThat(bom.getComponents()).filteredOn(c -> c.getType() == Component.Type.OPERATING_SYSTEM)
                .extracting(Component::getName, Component::getVersion)
                .containsExactly(tuple("debian", "12"), tuple("alpine", "3.20"), tuple("debian", null));
    }

    @Test
    void describesTheImageAsTheContainerWithItsDigest() throws Exception {
        JsonNode sbom = new ObjectMapper().readTree(CycloneDxSbom.json(report(PACKAGES), SUBJECT));

        JsonNode image = sbom.at("/metadata/component");
        assertThat(image.path("type").asText()).isEqualTo("container");
        assertThat(image.path("name").asText()).isEqualTo("contoso/contoso-web");
        assertThat(image.path("version").asText()).isEqualTo("1.0.0");
        assertThat(image.path("purl").asText()).isEqualTo("pkg:oci/contoso-web@sha256%3A" + MANIFEST.hex()
                + "?tag=1.0.0");
        assertThat(image.at("/hashes/0/alg").asText()).isEqualTo("SHA-256");
        assertThat(image.at("/hashes/0/content").asText()).isEqualTo(MANIFEST.hex());
        assertThat(properties(image)).contains(
                Map.entry("offerflow:image:manifest-digest", MANIFEST.toString()),
                Map.entry("offerflow:image:platform", "linux/amd64"),
                Map.entry("offerflow:image:label:vendor", "Contoso"),
                Map.entry("offerflow:image:user", "1000:1000"));
        assertThat(sbom.at("/metadata/timestamp").asText()).isEqualTo("2026-11-25T16:00:00Z");
        assertThat(sbom.at("/dependencies/0/ref").asText()).isEqualTo(image.path("bom-ref").asText());
        assertThat(sbom.at("/dependencies/0/dependsOn")).hasSize(PACKAGES.size() + 3);
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(CycloneDxSbom.json(report(PACKAGES), SUBJECT)).isEqualTo(CycloneDxSbom.json(report(PACKAGES),
                SUBJECT));
        assertThat(CycloneDxSbom.json(report(PACKAGES), SUBJECT))
                .isNotEqualTo(CycloneDxSbom.json(report(PACKAGES), new CycloneDxSbom.Subject("contoso/web", "2.0")));
    }

    @Test
    void theSchemaValidatorRefusesWhatBreaksTheSchema() throws Exception {
        ObjectNode sbom = (ObjectNode) new ObjectMapper().readTree(CycloneDxSbom.json(report(PACKAGES), SUBJECT));
        ((ObjectNode) sbom.at("/metadata/component")).put("type", "image");

        assertThat(new JsonParser().validate(sbom, Version.VERSION_16)).isNotEmpty();
    }

    @Test
    void isMadeFromWhatTheScanOfTheSampleImageRead() throws Exception {
        Path layout = tmp.resolve("sample");
        SampleImage.image().writeLayout(layout);
        CertificationReport scanned;
        try (OciLayout image = OciLayout.open(layout, ImageLimits.defaults())) {
            scanned = new ImageScanner(ScanSettings.defaults()).scan(image, (done, total) -> { });
        }

        byte[] json = CycloneDxSbom.json(scanned, SUBJECT);

        assertThat(new JsonParser().validate(json, Version.VERSION_16)).isEmpty();
        assertThat(libraries(new JsonParser().parse(json))).extracting(Component::getName, Component::getVersion)
                .containsExactlyElementsOf(scanned.packages().stream()
                        .map(p -> tuple(p.name(), p.version())).toList())
                .contains(tuple("zlib1g", "1:1.2.13.dfsg-1"));
        assertThat(new ObjectMapper().readTree(json).at("/metadata/component/hashes/0/content").asText())
                .isEqualTo(Digest.parse(scanned.image().manifestDigest()).hex());
    }

    @Test
    void refusesAReportThatNamesNoScannedImage() {
        CertificationReport unreadable = new CertificationReport(CertificationReport.Outcome.FAILED, null, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), Instant.now(), 0, 0);

        assertThatThrownBy(() -> CycloneDxSbom.json(unreadable, SUBJECT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no scanned manifest");
    }

    static CertificationReport report(List<PackageInfo> packages) {
        ImageSummary image = new ImageSummary("uploaded image sha256:" + "1".repeat(64), MANIFEST.toString(),
                List.of("linux/amd64"), List.of("1.0.0", "latest"), 2, 1000, 4000, "1000:1000",
                Map.of("vendor", "Contoso", "org.opencontainers.image.title", "contoso-web"));
        return new CertificationReport(CertificationReport.Outcome.PASSED, image, List.of(), List.of(), List.of(),
                List.of(), packages, List.of(), Instant.parse("2026-11-25T16:00:00Z"), 5321, 1000);
    }

    private static List<Component> libraries(Bom bom) {
        return bom.getComponents().stream().filter(c -> c.getType() == Component.Type.LIBRARY).toList();
    }

    private static List<Map.Entry<String, String>> properties(JsonNode component) {
        List<Map.Entry<String, String>> entries = new java.util.ArrayList<>();
        component.path("properties").forEach(p -> entries.add(Map.entry(p.path("name").asText(),
                p.path("value").asText())));
        return entries;
    }
}
