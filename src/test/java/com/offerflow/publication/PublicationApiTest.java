package com.offerflow.publication;

import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.support.ApiClient;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The publisher's REST API over real HTTP, with the job executor and the scan worker running: a publication from
 * start to live, and the statuses and problems of every refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PublicationApiTest {

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void clients() {
        api = new ApiClient(port);
    }

    @Test
    void publishesTheSampleOfferFromStartToLive() {
        String offerId = createOfferWithImage(SampleImage.image());

        ApiClient.Response started = api.post("alice", "/api/offers/" + offerId + "/publications");
        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/publications/" + started.text("publicationId"));
        assertThat(started.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(started.json().path("steps")).hasSize(6);

        awaitStatus(location, "PREVIEW");
        ApiClient.Response preview = api.get("alice", location);
        assertThat(preview.text("currentStep")).isEqualTo("PUBLISHER_SIGNOFF");
        assertThat(preview.json().path("steps").get(0).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(preview.json().path("steps").get(1).path("expectedDuration").asText()).isEqualTo("PT168H");
        assertThat(preview.text("estimatedCompletion")).isNotNull();
        assertThat(api.get("alice", location + "/preview").json().path("packageDigest").asText()).startsWith("sha256:");
        ApiClient.Response report = api.get("alice", location + "/certification-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text("outcome")).isEqualTo("PASSED");
        // publishers read the report: it names the image by digest, never by a path on the server
        assertThat(report.json().path("image").path("reference").asText()).startsWith("uploaded image sha256:");
        assertThat(report.json().toString()).doesNotContain("test-data").doesNotContain("/images/sha256/");

        ApiClient.Response goLive = api.post("alice", location + "/go-live", Map.of("comment", "ship it"));
        assertThat(goLive.status()).isEqualTo(202);
        assertThat(goLive.text("goLiveAt")).isNotNull();
        awaitStatus(location, "LIVE");

        ApiClient.Response catalog = api.get(null, "/api/catalog/" + offerId);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.json().path("regions")).extracting(Object::toString)
                .containsExactly("\"westeurope\"", "\"eastus\"");
        assertThat(catalog.json().has("previewAudience")).isFalse();
        ApiClient.Response cancelLive = api.post("alice", location + "/cancel");
        assertProblem(cancelLive, 409, "not-cancellable");
    }

    @Test
    void secondPublicationWhileOneRunsIsAConflict() {
        String offerId = createOfferWithImage(SampleImage.image());
        ApiClient.Response first = api.post("alice", "/api/offers/" + offerId + "/publications");
        assertThat(first.status()).isEqualTo(202);

        ApiClient.Response second = api.post("alice", "/api/offers/" + offerId + "/publications");
        assertProblem(second, 409, "publication-in-progress");
        assertThat(api.get("alice", "/api/offers/" + offerId + "/publications").json()).hasSize(1);
    }

    @Test
    void unknownOfferAndPublicationAreNotFound() {
        assertProblem(api.post("alice", "/api/offers/no-such-offer/publications"), 404, "not-found");
        assertProblem(api.get("alice", "/api/publications/00000000-0000-0000-0000-000000000000"), 404, "not-found");
    }

    @Test
    void decisionsOutOfTurnAreConflicts() {
        String offerId = createOfferWithImage(SampleImage.image());
        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        awaitStatus(location, "PREVIEW");

        assertProblem(api.post("alice", location + "/resubmit"), 409, "nothing-to-resubmit");
        assertProblem(api.post("alice", location + "/reject"), 400, "invalid-decision");
        assertThat(api.get("alice", location).text("status")).isEqualTo("PREVIEW");

        assertThat(api.post("alice", location + "/cancel").status()).isEqualTo(202);
        assertThat(api.get("alice", location).text("status")).isEqualTo("CANCELLED");
        assertProblem(api.post("alice", location + "/go-live"), 409, "not-in-preview");
        assertProblem(api.post("alice", location + "/cancel"), 409, "not-cancellable");
    }

    @Test
    void malformedDecisionBodyIsRefused() {
        String offerId = createOfferWithImage(SampleImage.image());
        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        assertProblem(api.post("alice", location + "/cancel", "{\"comment\": "), 400, "malformed-json");
        assertProblem(api.post("alice", location + "/cancel", Map.of("comment", "x".repeat(2001))), 400,
                "validation-failed");
        assertThat(api.get("alice", location).text("status")).isNotEqualTo("CANCELLED");

        // the longest comment allowed is kept whole, after who decided; cancelled while the publication waits in
        // its preview, since a cancellation while a step's job runs may meet that job (409 concurrent-change)
        awaitStatus(location, "PREVIEW");
        String longest = "y".repeat(2000);
        assertThat(api.post("alice", location + "/cancel", Map.of("comment", longest)).status()).isEqualTo(202);
        assertThat(api.get("alice", location).text("outcomeComment")).isEqualTo("Cancelled by alice: " + longest);
    }

    @Test
    void invalidOfferShowsEveryFindingAndResubmissionRunsAgain() {
        String offerId = createOfferWithImage(SampleImage.image());
        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        awaitStatus(location, "PREVIEW");
        api.post("alice", location + "/reject", Map.of("comment", "Wrong screenshots"));
        awaitStatus(location, "ATTENTION_NEEDED");

        ApiClient.Response attention = api.get("alice", location);
        assertThat(attention.json().path("findings").get(0).path("message").asText())
                .isEqualTo("rejected at sign-off by alice: Wrong screenshots");
        assertThat(api.post("alice", location + "/resubmit", Map.of("comment", "fixed")).status()).isEqualTo(202);
        awaitStatus(location, "PREVIEW");
        assertThat(api.get("alice", location).json().path("steps").get(0).path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void archiveThatIsNotAnOciLayoutIsRefusedAndChangesNothing() {
        String offerId = createOfferWithImage(SampleImage.image());
        String before = api.get("alice", "/api/offers/" + offerId).json().path("image").path("archiveDigest").asText();

        ApiClient.Response notTar = api.put("alice", "/api/offers/" + offerId + "/image", "application/x-tar",
                "not a tar at all".getBytes(StandardCharsets.UTF_8));
        assertThat(notTar.status()).isBetween(400, 499);
        assertThat(notTar.contentType()).isEqualTo("application/problem+json");
        assertThat(notTar.text("detail")).isNotBlank();
        assertThat(api.get("alice", "/api/offers/" + offerId).json().path("image").path("archiveDigest").asText())
                .isEqualTo(before);
    }

    private String createOfferWithImage(OciImageBuilder image) {
        String offerId = TestOffers.newOfferId();
        assertThat(api.post("alice", "/api/offers", SampleOffer.document(offerId)).status()).isEqualTo(201);
        assertThat(api.put("alice", "/api/offers/" + offerId + "/image", "application/x-tar", image.toArchiveBytes())
                .status()).isEqualTo(200);
        return offerId;
    }

    private void awaitStatus(String location, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(api.get("alice", location).text("status")).isEqualTo(status));
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.json().toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:offerflow:problem:" + type);
        assertThat(response.text("detail")).isNotBlank();
    }
}
