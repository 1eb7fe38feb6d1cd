package com.offerflow.publication;

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
    ApiClient alice;

    @BeforeEach
    void clients() {
        alice = ApiClient.as(port, "alice", "alice");
    }

    @Test
    void publishesTheSampleOfferFromStartToLive() {
        String offerId = createOfferWithImage(SampleOffer.image());

        ApiClient.Response started = alice.post("/api/offers/" + offerId + "/publications");
        assertThat(started.status()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(location).isEqualTo("/api/publications/" + started.text("publicationId"));
        assertThat(started.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(started.body().path("steps")).hasSize(6);

        awaitStatus(location, "PREVIEW");
        ApiClient.Response preview = alice.get(location);
        assertThat(preview.text("currentStep")).isEqualTo("PUBLISHER_SIGNOFF");
        assertThat(preview.body().path("steps").get(0).path("state").asText()).isEqualTo("COMPLETED");
        assertThat(preview.body().path("steps").get(1).path("expectedDuration").asText()).isEqualTo("PT168H");
        assertThat(preview.text("estimatedCompletion")).isNotNull();
        assertThat(alice.get(location + "/preview").body().path("packageDigest").asText()).startsWith("sha256:");
        ApiClient.Response report = alice.get(location + "/certification-report");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.text("outcome")).isEqualTo("PASSED");
        // publishers read the report: it names the image by digest, never by a path on the server
        assertThat(report.body().path("image").path("reference").asText()).startsWith("uploaded image sha256:");
        assertThat(report.body().toString()).doesNotContain("test-data").doesNotContain("/images/sha256/");

        ApiClient.Response goLive = alice.postJson(location + "/go-live", Map.of("comment", "ship it"));
        assertThat(goLive.status()).isEqualTo(202);
        assertThat(goLive.text("goLiveAt")).isNotNull();
        awaitStatus(location, "LIVE");

        ApiClient.Response catalog = ApiClient.anonymous(port).get("/api/catalog/" + offerId);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.body().path("regions")).extracting(Object::toString)
                .containsExactly("\"westeurope\"", "\"eastus\"");
        assertThat(catalog.body().has("previewAudience")).isFalse();
        ApiClient.Response cancelLive = alice.post(location + "/cancel");
        assertProblem(cancelLive, 409, "not-cancellable");
    }

    @Test
    void secondPublicationWhileOneRunsIsAConflict() {
        String offerId = createOfferWithImage(SampleOffer.image());
        ApiClient.Response first = alice.post("/api/offers/" + offerId + "/publications");
        assertThat(first.status()).isEqualTo(202);

        ApiClient.Response second = alice.post("/api/offers/" + offerId + "/publications");
        assertProblem(second, 409, "publication-in-progress");
        assertThat(alice.get("/api/offers/" + offerId + "/publications").body()).hasSize(1);
    }

    @Test
    void unknownOfferAndPublicationAreNotFound() {
        assertProblem(alice.post("/api/offers/no-such-offer/publications"), 404, "not-found");
        assertProblem(alice.get("/api/publications/00000000-0000-0000-0000-000000000000"), 404, "not-found");
    }

    @Test
    void decisionsOutOfTurnAreConflicts() {
        String offerId = createOfferWithImage(SampleOffer.image());
        String location = alice.post("/api/offers/" + offerId + "/publications").header("Location");
        awaitStatus(location, "PREVIEW");

        assertProblem(alice.post(location + "/resubmit"), 409, "nothing-to-resubmit");
        assertProblem(alice.post(location + "/reject"), 400, "invalid-decision");
        assertThat(alice.get(location).text("status")).isEqualTo("PREVIEW");

        assertThat(alice.post(location + "/cancel").status()).isEqualTo(202);
        assertThat(alice.get(location).text("status")).isEqualTo("CANCELLED");
        assertProblem(alice.post(location + "/go-live"), 409, "not-in-preview");
        assertProblem(alice.post(location + "/cancel"), 409, "not-cancellable");
    }

    @Test
    void malformedDecisionBodyIsRefused() {
        String offerId = createOfferWithImage(SampleOffer.image());
        String location = alice.post("/api/offers/" + offerId + "/publications").header("Location");
        assertProblem(alice.postJson(location + "/cancel", "{\"comment\": "), 400, "malformed-json");
        assertProblem(alice.postJson(location + "/cancel", Map.of("comment", "x".repeat(2001))), 400,
                "validation-failed");
        assertThat(alice.get(location).text("status")).isNotEqualTo("CANCELLED");
    }

    @Test
    void invalidOfferShowsEveryFindingAndResubmissionRunsAgain() {
        String offerId = createOfferWithImage(SampleOffer.image());
        String location = alice.post("/api/offers/" + offerId + "/publications").header("Location");
        awaitStatus(location, "PREVIEW");
        alice.postJson(location + "/reject", Map.of("comment", "Wrong screenshots"));
        awaitStatus(location, "ATTENTION_NEEDED");

        ApiClient.Response attention = alice.get(location);
        assertThat(attention.body().path("findings").get(0).path("message").asText())
                .isEqualTo("rejected at sign-off by alice: Wrong screenshots");
        assertThat(alice.postJson(location + "/resubmit", Map.of("comment", "fixed")).status()).isEqualTo(202);
        awaitStatus(location, "PREVIEW");
        assertThat(alice.get(location).body().path("steps").get(0).path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void archiveThatIsNotAnOciLayoutIsRefusedAndChangesNothing() {
        String offerId = createOfferWithImage(SampleOffer.image());
        String before = alice.get("/api/offers/" + offerId).body().path("image").path("archiveDigest").asText();

        ApiClient.Response notTar = alice.put("/api/offers/" + offerId + "/image", "application/x-tar",
                "not a tar at all".getBytes(StandardCharsets.UTF_8));
        assertThat(notTar.status()).isBetween(400, 499);
        assertThat(notTar.contentType()).isEqualTo("application/problem+json");
        assertThat(notTar.text("detail")).isNotBlank();
        assertThat(alice.get("/api/offers/" + offerId).body().path("image").path("archiveDigest").asText())
                .isEqualTo(before);
    }

    private String createOfferWithImage(OciImageBuilder image) {
        String offerId = TestOffers.newOfferId();
        assertThat(alice.postJson("/api/offers", SampleOffer.document(offerId)).status()).isEqualTo(201);
        assertThat(alice.put("/api/offers/" + offerId + "/image", "application/x-tar", image.toArchiveBytes())
                .status()).isEqualTo(200);
        return offerId;
    }

    private void awaitStatus(String location, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(alice.get(location).text("status")).isEqualTo(status));
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.text("type")).isEqualTo("urn:offerflow:problem:" + type);
        assertThat(response.text("detail")).isNotBlank();
    }
}
