package com.offerflow.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.offerflow.image.Descriptor;
import com.offerflow.image.MediaTypes;
import com.offerflow.sbom.referrers.ReferrerArtifacts;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ApiClient.Response;
import com.offerflow.support.ProcessDriver;
import com.offerflow.web.Publishing;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/publications/{id}/sbom} over real HTTP: once the scan has reported, the publisher (and reviewers)
 * get a CycloneDX 1.6 SBOM of exactly the packages the certification report lists; before, a 404 that says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class SbomApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    PackageAttachments attachments;

    private static final Descriptor PACKAGE = Descriptor.of(MediaTypes.OCI_MANIFEST, "a package".getBytes());

    ApiClient api;
    Publishing publishing;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        publishing = new Publishing(api, driver);
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    @Test
    void theSbomListsExactlyThePackagesOfTheCertificationReport() throws Exception {
        String publication = publishing.start(publishing.createOffer());
        publishing.toPreview(publication);

        Response sbom = api.get("alice", "/api/publications/" + publication + "/sbom");
        JsonNode report = api.get("alice", "/api/publications/" + publication + "/certification-report").json();

        assertThat(sbom.status()).isEqualTo(200);
        assertThat(sbom.contentType()).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(new JsonParser().validate(sbom.body().getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
                .isEmpty();
        JsonNode document = sbom.json();
        assertThat(document.at("/metadata/component/type").asText()).isEqualTo("container");
        assertThat("sha256:" + document.at("/metadata/component/hashes/0/content").asText())
                .isEqualTo(report.at("/image/manifestDigest").asText());
        assertThat(document.at("/metadata/component/version").asText()).isEqualTo("1.0.0");
        assertThat(libraries(document)).isNotEmpty().isEqualTo(packages(report));
        assertThat(api.get("rachel", "/api/publications/" + publication + "/sbom").status()).isEqualTo(200);
        assertThat(api.get("bob", "/api/publications/" + publication + "/sbom").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/publications/" + publication + "/sbom").status()).isEqualTo(401);
    }

    @Test
    void thereIsNoSbomBeforeTheScanHasReported() {
        String publication = publishing.start(publishing.createOffer());

        Response sbom = api.get("alice", "/api/publications/" + publication + "/sbom");

        assertThat(sbom.status()).isEqualTo(404);
        assertThat(sbom.contentType()).isEqualTo("application/problem+json");
        assertThat(sbom.json().path("detail").asText()).contains("has no SBOM yet")
                .contains("the certification scan, which has not reported");
        assertThat(attachments.artifacts(publication, PACKAGE)).isEmpty();
    }

    @Test
    void thePackageCarriesTheSbomAndTheReportAsArtifactsOfItsManifest() throws Exception {
        String publication = publishing.start(publishing.createOffer());
        publishing.toPreview(publication);

        List<ReferrerArtifacts.Artifact> artifacts = attachments.artifacts(publication, PACKAGE);

        assertThat(artifacts).extracting(ReferrerArtifacts.Artifact::artifactType)
                .containsExactly(ReferrerArtifacts.SBOM, ReferrerArtifacts.CERTIFICATION_REPORT);
        assertThat(new String(artifacts.get(0).layer(), StandardCharsets.UTF_8))
                .isEqualTo(api.get("alice", "/api/publications/" + publication + "/sbom").body());
        assertThat(ApiClient.JSON.readTree(artifacts.get(1).layer()))
                .isEqualTo(api.get("alice", "/api/publications/" + publication + "/certification-report").json());
        assertThat(ApiClient.JSON.readTree(artifacts.get(0).manifest()).at("/subject/digest").asText())
                .isEqualTo(PACKAGE.digest().toString());
        assertThat(attachments.artifacts(publication, PACKAGE).get(1).manifest())
                .as("the same publication gives the same manifests").isEqualTo(artifacts.get(1).manifest());
    }

    private static List<String> libraries(JsonNode sbom) {
        List<String> names = new ArrayList<>();
        sbom.path("components").forEach(c -> {
            if (c.path("type").asText().equals("library")) {
                names.add(c.path("name").asText() + " " + c.path("version").asText());
            }
        });
        return names;
    }

    private static List<String> packages(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.path("packages").forEach(p -> names.add(p.path("name").asText() + " " + p.path("version").asText()));
        return names;
    }
}
