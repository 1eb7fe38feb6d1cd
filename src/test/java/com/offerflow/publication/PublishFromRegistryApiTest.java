package com.offerflow.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.image.Digest;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.offer.OfferJson;
import com.offerflow.support.ApiClient;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.Map;

import static com.offerflow.offer.OfferJson.technical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publishing an image pulled from a registry, as the publisher sees it over real HTTP with the job executor and
 * the in-app scan worker running: where the offer's image comes from, which image the publication pinned, its
 * certification report, and the catalog. The registry is a real {@code docker-registry} on loopback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PublishFromRegistryApiTest {

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.anonymous();

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
    }

    @Test
    void publishesAnImagePulledFromTheRegistryFromStartToLive() throws Exception {
        String offerId = TestOffers.newOfferId();
        String repository = REGISTRY.repository("contoso/" + offerId);
        Digest digest = REGISTRY.push(SampleImage.image(), "contoso/" + offerId, "1.0.0", "latest");
        assertThat(api.post("alice", "/api/offers", OfferJson.sample(offerId,
                o -> technical(o).put("registryRepository", repository))).status()).isEqualTo(201);

        JsonNode offer = api.get("alice", "/api/offers/" + offerId).json();
        assertThat(offer.path("offer").path("technicalConfiguration").path("registryRepository").asText())
                .isEqualTo(repository);
        assertThat(offer.path("imageSource").path("type").asText()).isEqualTo("REGISTRY");
        assertThat(offer.path("imageSource").path("location").asText()).isEqualTo(repository);
        assertThat(offer.has("image")).isFalse();

        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        awaitStatus(location, "PREVIEW");

        JsonNode publication = api.get("alice", location).json();
        assertThat(publication.path("pinnedImage").asText()).isEqualTo(repository + "@" + digest);
        assertThat(publication.has("imageDigest")).isFalse();
        JsonNode report = api.get("alice", location + "/certification-report").json();
        assertThat(report.path("outcome").asText()).isEqualTo("PASSED");
        assertThat(report.path("image").path("reference").asText()).isEqualTo(repository + "@" + digest);
        assertThat(api.get("alice", location + "/preview").json().path("packageDigest").asText())
                .isEqualTo(digest.toString());

        assertThat(api.post("alice", location + "/go-live", Map.of("comment", "ship it")).status()).isEqualTo(202);
        awaitStatus(location, "LIVE");

        ApiClient.Response catalog = api.get(null, "/api/catalog/" + offerId);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.text("digest")).isEqualTo(digest.toString());
        assertThat(catalog.text("repository")).isEqualTo("contoso/" + offerId);
        assertThat(catalog.json().toString()).doesNotContain(REGISTRY.url());
    }

    @Test
    void anUploadedImageIsTheSourceWhileNoRegistryIsNamed() {
        String offerId = TestOffers.newOfferId();
        assertThat(api.post("alice", "/api/offers", SampleOffer.document(offerId)).status()).isEqualTo(201);
        assertThat(api.get("alice", "/api/offers/" + offerId).json().has("imageSource")).isFalse();

        JsonNode uploaded = api.put("alice", "/api/offers/" + offerId + "/image", "application/x-tar",
                SampleImage.image().toArchiveBytes()).json();

        assertThat(uploaded.path("imageSource").path("type").asText()).isEqualTo("UPLOAD");
        assertThat(uploaded.path("imageSource").path("location").asText())
                .isEqualTo(uploaded.path("image").path("archiveDigest").asText()).startsWith("sha256:");
    }

    @Test
    void aRegistryRepositoryWithATagIsAnInvalidField() {
        String offerId = TestOffers.newOfferId();
        ApiClient.Response refused = api.post("alice", "/api/offers", OfferJson.sample(offerId,
                o -> technical(o).put("registryRepository", REGISTRY.repository("contoso/web:1.0.0"))));

        PublicationApiTest.assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().path("errors")).hasSize(1);
        assertThat(refused.json().path("errors").get(0).path("field").asText())
                .isEqualTo("technicalConfiguration.registryRepository");
        assertThat(refused.json().path("errors").get(0).path("rule").asText()).isEqualTo("RegistryRepositoryUrl");
    }

    private void awaitStatus(String location, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(api.get("alice", location).text("status")).isEqualTo(status));
    }
}
