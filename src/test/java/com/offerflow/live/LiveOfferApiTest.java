package com.offerflow.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.offerflow.offer.OfferJson;
import com.offerflow.replication.ReplicationService;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ApiClient.Response;
import com.offerflow.web.Publishing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static com.offerflow.offer.OfferJson.listing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A live offer over real HTTP: publications work on a snapshot, a new version replaces the live one only when it
 * goes live, the draft is compared with what is live, and the publisher stops and resumes selling. The process is
 * driven by the test (profile {@code manual}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class LiveOfferApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    ReplicationService replication;

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
    void aPublicationPublishesTheDraftAsSubmittedAndTheNextOneTakesLaterEdits() {
        String id = publishing.createOffer();
        String first = publishing.start(id);
        assertThat(publishing.edit(id, o -> listing(o).put("name", "Edited during the publication")).status())
                .isEqualTo(200);

        publishing.toPreview(first);
        publishing.selectGoLive(first);
        publishing.finish(first);

        assertThat(publishing.publication(first).path("offerRevision").asInt()).isEqualTo(1);
        assertThat(publishing.catalog(id).json().path("name").asText()).isEqualTo("Contoso Web Server");
        assertThat(api.get("alice", "/api/offers/" + id).json().path("offer").path("listing").path("name").asText())
                .isEqualTo("Edited during the publication");

        String second = publishing.publishToLive(id);
        assertThat(publishing.publication(second).path("offerRevision").asInt()).isEqualTo(2);
        assertThat(publishing.catalog(id).json().path("name").asText()).isEqualTo("Edited during the publication");
    }

    @Test
    void theLiveVersionStaysPublicUntilTheNextOneGoesLive() {
        String id = publishing.createOffer();
        String first = publishing.publishToLive(id);
        publishing.edit(id, o -> listing(o).put("name", "Contoso Web Server 2")
                .put("searchSummary", "Now with HTTP/3"));

        String second = publishing.start(id);
        assertServesFirstVersion(id, first);
        publishing.toPreview(second);
        assertServesFirstVersion(id, first);
        publishing.selectGoLive(second);
        assertServesFirstVersion(id, first);
        JsonNode offer = api.get("alice", "/api/offers/" + id).json();
        assertThat(offer.path("livePublicationId").asText()).isEqualTo(first);
        assertThat(offer.path("activePublicationId").asText()).isEqualTo(second);
        assertThat(offer.path("distribution").asText()).isEqualTo("SELLING");

        publishing.finish(second);

        Response catalog = publishing.catalog(id);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.json().path("name").asText()).isEqualTo("Contoso Web Server 2");
        assertThat(catalog.json().path("searchSummary").asText()).isEqualTo("Now with HTTP/3");
        assertThat(api.get(null, "/api/catalog").json()).filteredOn(e -> e.path("offerId").asText().equals(id))
                .extracting(e -> e.path("name").asText()).containsExactly("Contoso Web Server 2");
        assertThat(api.get("alice", "/api/offers/" + id).json().path("livePublicationId").asText()).isEqualTo(second);
    }

    @Test
    void theDiffShowsWhatTheDraftChangesAgainstTheLiveVersion() {
        String id = publishing.createOffer();
        Response notLive = api.get("alice", "/api/offers/" + id + "/diff");
        assertThat(notLive.status()).isEqualTo(409);
        assertThat(notLive.problemType()).isEqualTo("not-live");

        String live = publishing.publishToLive(id);
        Response unchanged = api.get("alice", "/api/offers/" + id + "/diff");
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.json().path("livePublicationId").asText()).isEqualTo(live);
        assertThat(unchanged.json().path("changes")).isEmpty();

        publishing.edit(id, o -> {
            listing(o).put("name", "Contoso Web Server 2");
            OfferJson.plan(o, 0).set("regions", OfferJson.array("westeurope", "eastus", "southeastasia"));
            o.remove("previewAudience");
        });
        Response diff = api.get("alice", "/api/offers/" + id + "/diff");
        assertThat(diff.status()).isEqualTo(200);
        assertThat(diff.json().path("draftRevision").asInt()).isEqualTo(2);
        assertThat(diff.json().path("changes")).extracting(c -> c.path("path").asText(), c -> c.path("live").toString(),
                c -> c.path("draft").toString()).containsExactly(
                tuple("listing.name", "\"Contoso Web Server\"", "\"Contoso Web Server 2\""),
                tuple("previewAudience[0]",
                        "{\"subscriptionId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"description\":\"Contoso QA\"}",
                        "null"),
                tuple("plans[0].regions", "[\"westeurope\",\"eastus\"]",
                        "[\"westeurope\",\"eastus\",\"southeastasia\"]"));

        assertThat(api.get("bob", "/api/offers/" + id + "/diff").status()).isEqualTo(404);
        assertThat(api.get("alice", "/api/offers/no-such-offer/diff").status()).isEqualTo(404);
    }

    @Test
    void theRepositoryOfALiveOfferCannotMove() {
        String id = publishing.createOffer();
        publishing.publishToLive(id);

        Response moved = publishing.edit(id, o -> OfferJson.technical(o).put("repositoryName", "contoso/elsewhere"));

        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.fieldErrors()).containsExactly("technicalConfiguration.repositoryName RepositoryUnchanged");
        assertThat(moved.json().path("errors").get(0).path("message").asText()).contains("contoso/" + id);
        assertThat(api.get("alice", "/api/offers/" + id).json().path("revision").asInt()).isEqualTo(1);
    }

    @Test
    void aPublisherStopsAndResumesSellingALiveOffer() throws Exception {
        String id = publishing.createOffer();
        assertConflict(api.post("alice", "/api/offers/" + id + "/stop-selling"), "not-live");
        assertConflict(api.post("alice", "/api/offers/" + id + "/resume-selling"), "not-live");
        String live = publishing.publishToLive(id);

        assertThat(api.post("bob", "/api/offers/" + id + "/stop-selling").status()).isEqualTo(404);
        assertThat(api.post("admin", "/api/offers/" + id + "/stop-selling").status()).isEqualTo(403);
        Response stopped = api.post("alice", "/api/offers/" + id + "/stop-selling");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().path("distribution").asText()).isEqualTo("STOPPED");
        assertThat(stopped.json().path("livePublicationId").asText()).isEqualTo(live);

        assertThat(publishing.catalog(id).status()).isEqualTo(404);
        assertThat(api.get(null, "/api/catalog").json()).extracting(e -> e.path("offerId").asText())
                .doesNotContain(id);
        for (String region : List.of("westeurope", "eastus")) {
            assertThat(replication.served(region, "contoso/" + id, "1.0.0")).as("existing customers still pull from "
                    + region).isPresent();
        }
        assertThat(api.get("alice", "/api/offers/" + id).json().path("distribution").asText()).isEqualTo("STOPPED");
        assertConflict(api.post("alice", "/api/offers/" + id + "/stop-selling"), "already-stopped");

        Response resumed = api.post("alice", "/api/offers/" + id + "/resume-selling");
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("distribution").asText()).isEqualTo("SELLING");
        assertThat(publishing.catalog(id).status()).isEqualTo(200);
        assertConflict(api.post("alice", "/api/offers/" + id + "/resume-selling"), "already-selling");

        assertThat(history(id)).filteredOn(e -> e.path("type").asText().startsWith("DISTRIBUTION"))
                .extracting(e -> e.path("type").asText(), e -> e.path("actor").asText(),
                        e -> e.path("publicationId").asText())
                .containsExactly(tuple("DISTRIBUTION_STOPPED", "alice", live),
                        tuple("DISTRIBUTION_RESUMED", "alice", live));
    }

    @Test
    void aNewVersionOfAStoppedOfferStaysStoppedUntilItIsResumed() {
        String id = publishing.createOffer();
        publishing.publishToLive(id);
        assertThat(api.post("alice", "/api/offers/" + id + "/stop-selling").status()).isEqualTo(200);
        publishing.edit(id, o -> listing(o).put("name", "Contoso Web Server 2"));

        publishing.publishToLive(id);

        assertThat(publishing.catalog(id).status()).isEqualTo(404);
        assertThat(api.post("alice", "/api/offers/" + id + "/resume-selling").status()).isEqualTo(200);
        assertThat(publishing.catalog(id).json().path("name").asText()).isEqualTo("Contoso Web Server 2");
    }

    @Test
    void theHistoryNamesEveryEventWithItsActorAndTime() {
        String id = publishing.createOffer(o -> o.set("previewAudience", OfferJson.array()), true);
        String publication = publishing.start(id);
        assertThat(publishing.status(publication)).isEqualTo("ATTENTION_NEEDED");
        publishing.edit(id, o -> { });
        Response resubmitted = api.post("alice", "/api/publications/" + publication + "/resubmit",
                "{\"comment\": \"added the preview audience\"}");
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(202);
        driver.runJobs(publication);
        publishing.toPreview(publication);
        assertThat(api.post("alice", "/api/publications/" + publication + "/go-live",
                "{\"comment\": \"ship it\"}").status()).isEqualTo(202);
        publishing.finish(publication);
        api.post("alice", "/api/offers/" + id + "/stop-selling");
        api.post("alice", "/api/offers/" + id + "/resume-selling");

        List<JsonNode> history = history(id);
        assertThat(history).extracting(e -> e.path("type").asText(), e -> e.path("actor").asText())
                .containsExactly(
                        tuple("CREATED", "alice"),
                        tuple("IMAGE_UPLOADED", "alice"),
                        tuple("PUBLICATION_STARTED", "alice"),
                        tuple("EDITED", "alice"),
                        tuple("PUBLICATION_RESUBMITTED", "alice"),
                        tuple("WENT_LIVE", "offerflow"),
                        tuple("PUBLICATION_ENDED", "offerflow"),
                        tuple("DISTRIBUTION_STOPPED", "alice"),
                        tuple("DISTRIBUTION_RESUMED", "alice"));
        assertThat(history).allSatisfy(e -> assertThat(java.time.Instant.parse(e.path("occurredAt").asText()))
                .isBeforeOrEqualTo(java.time.Instant.now()));
        assertThat(history).filteredOn(e -> !e.path("type").asText().matches("CREATED|EDITED|IMAGE_UPLOADED"))
                .allSatisfy(e -> assertThat(e.path("publicationId").asText()).isEqualTo(publication));
        assertThat(detail(history, "PUBLICATION_STARTED")).isEqualTo("revision 1");
        assertThat(detail(history, "PUBLICATION_RESUBMITTED")).isEqualTo("revision 2");
        assertThat(detail(history, "WENT_LIVE")).isEqualTo("revision 2 is live in westeurope, eastus");
        assertThat(detail(history, "PUBLICATION_ENDED")).isEqualTo("LIVE: Go live selected by alice: ship it");
    }

    private void assertServesFirstVersion(String offerId, String firstPublication) {
        Response catalog = publishing.catalog(offerId);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.json().path("name").asText()).isEqualTo("Contoso Web Server");
        assertThat(api.get("alice", "/api/offers/" + offerId).json().path("livePublicationId").asText())
                .isEqualTo(firstPublication);
    }

    private static void assertConflict(Response response, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.problemType()).isEqualTo(type);
    }

    private List<JsonNode> history(String offerId) {
        List<JsonNode> events = new ArrayList<>();
        api.get("alice", "/api/offers/" + offerId + "/history").json().forEach(events::add);
        return events;
    }

    private static String detail(List<JsonNode> history, String type) {
        return history.stream().filter(e -> e.path("type").asText().equals(type)).findFirst().orElseThrow()
                .path("detail").asText();
    }
}
