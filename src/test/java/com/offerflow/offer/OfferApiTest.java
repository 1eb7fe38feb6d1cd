package com.offerflow.offer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.support.TestOffers;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.offerflow.offer.OfferJson.array;
import static com.offerflow.offer.OfferJson.listing;
import static com.offerflow.offer.OfferJson.plan;
import static com.offerflow.offer.OfferJson.repeat;
import static com.offerflow.offer.OfferJson.subscription;
import static com.offerflow.offer.OfferJson.technical;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offer API over real HTTP, as a publisher's client meets it: what is accepted, and for bad or hostile input
 * the status, problem type and every field path, with nothing changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class OfferApiTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void createsAnOfferAndReadsItBack() {
        String id = TestOffers.newOfferId();
        Response created = api.post("alice", "/api/offers", OfferJson.sample(id));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/offers/" + id);
        assertThat(created.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(created.json().path("offer").path("listing").path("name").asText()).isEqualTo("Contoso Web Server");
        Response read = api.get("alice", "/api/offers/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("publisherOrg").asText()).isEqualTo("contoso");
        assertThat(read.json().has("distribution")).as("not live: no distribution").isFalse();
    }

    @Test
    void anOfferWithManyProblemsGetsEveryOneBackAndIsNotCreated() {
        String id = TestOffers.newOfferId();
        ObjectNode offer = OfferJson.sample(id, o -> {
            listing(o).put("name", "<b>Contoso</b>").put("searchSummary", repeat('s', 101))
                    .put("description", "<script>alert(1)</script>")
                    .put("privacyPolicyUrl", "http://contoso.example/privacy")
                    .set("categories", array("web", "gardening"));
            ((ObjectNode) listing(o).get("supportContact")).put("email", "support");
            o.set("previewAudience", array(subscription("not-a-guid", null)));
            o.set("plans", array(new Plan("standard", "Standard", List.of("mars-north")),
                    new Plan("standard", "Standard 2", List.of())));
            technical(o).put("repositoryName", "Contoso/Web").set("tags", array("latest"));
            o.set("leadManagement", o.objectNode().put("destination", "httpsEndpoint")
                    .put("url", "http://leads.contoso.example"));
        });

        Response response = api.post("alice", "/api/offers", offer);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.problemType()).isEqualTo("validation-failed");
        assertThat(response.json().path("detail").asText()).isEqualTo("13 fields are invalid.");
        assertThat(response.fieldErrors()).containsExactly(
                "leadManagement.url HttpsUrl",
                "listing.categories[1] MarketplaceCategory",
                "listing.description SafeHtml",
                "listing.name PlainText",
                "listing.privacyPolicyUrl HttpsUrl",
                "listing.searchSummary Size",
                "listing.supportContact.email Email",
                "plans[0].regions[0] KnownRegion",
                "plans[1].planId Unique",
                "plans[1].regions NotEmpty",
                "previewAudience[0].subscriptionId Pattern",
                "technicalConfiguration.repositoryName Pattern",
                "technicalConfiguration.tags VersionTagRequired");
        response.json().path("errors").forEach(error -> {
            assertThat(error.path("message").asText()).isNotBlank();
            assertThat(error.path("suggestion").asText()).isNotBlank();
            assertThat(error.has("rejectedValue")).isFalse();
        });
        assertThat(response.body()).doesNotContain("<", ">", "alert(1)");
        assertThat(api.get("alice", "/api/offers/" + id).status()).isEqualTo(404);
    }

    @Test
    void anEditWithProblemsChangesNothing() {
        String id = created();
        Response refused = api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> {
            listing(o).put("name", "");
            technical(o).set("tags", array("latest"));
        }), "If-Match", "\"1\"");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldErrors()).containsExactly("listing.name NotBlank",
                "technicalConfiguration.tags VersionTagRequired");
        assertUnchanged(id);
    }

    @Test
    void anEditAgainstAStaleRevisionIsRefused() {
        String id = created();
        ObjectNode edit = OfferJson.sample(id, o -> listing(o).put("name", "Contoso Web Server 2"));
        assertThat(api.put("alice", "/api/offers/" + id, edit, "If-Match", "\"1\"").status()).isEqualTo(200);

        Response stale = api.put("alice", "/api/offers/" + id, edit, "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo("stale-revision");
        assertThat(api.put("alice", "/api/offers/" + id, edit, "If-Match", "\"x\"").problemType())
                .isEqualTo("invalid-if-match");
    }

    @Test
    void theOfferIdCannotChange() {
        String id = created();
        Response response = api.put("alice", "/api/offers/" + id, OfferJson.sample("another-id"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactly("offerId OfferIdUnchanged");
        assertUnchanged(id);
    }

    @Test
    void unknownFieldsAreRefusedWithTheirPath() {
        String id = created();
        Response response = api.put("alice", "/api/offers/" + id,
                OfferJson.sample(id, o -> listing(o).put("colour", "blue")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("validation-failed");
        assertThat(response.fieldErrors()).containsExactly("listing.colour UnknownField");
        assertThat(response.json().path("errors").get(0).path("suggestion").asText()).contains("searchSummary");
        assertUnchanged(id);
    }

    @Test
    void valuesOfTheWrongTypeAreRefusedWithTheirPath() {
        String id = created();
        assertThat(api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> o.put("plans", "standard")))
                .fieldErrors()).containsExactly("plans Type");
        assertThat(api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> listing(o).put("name", 42)))
                .fieldErrors()).containsExactly("listing.name Type");
        assertThat(api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> technical(o).set("tags",
                array(1.0)))).fieldErrors()).containsExactly("technicalConfiguration.tags[0] Type");
        assertThat(api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> o.set("leadManagement",
                o.objectNode().put("destination", "fax")))).fieldErrors())
                .containsExactly("leadManagement.destination UnknownType");
        assertUnchanged(id);
    }

    @Test
    void malformedJsonIsRefused() {
        String id = created();
        for (String body : List.of("{\"offerId\": ", "not json", "", "{\"offerId\": \"" + id + "\"} trailing",
                "[]")) {
            Response response = api.put("alice", "/api/offers/" + id, body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        }
        assertThat(api.put("alice", "/api/offers/" + id, "{\"offerId\": ").problemType()).isEqualTo("malformed-json");
        assertUnchanged(id);
    }

    @Test
    void aKeyTwiceInOneObjectIsRefused() {
        String id = created();
        String body = OfferJson.sample(id).toString().replaceFirst("\\{", "{\"offerId\": \"other\", ");
        Response response = api.put("alice", "/api/offers/" + id, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problemType()).isEqualTo("malformed-json");
        assertUnchanged(id);
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String id = created();
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        Response response = api.put("alice", "/api/offers/" + id,
                OfferJson.sample(id).toString().replace("\"listing\":", "\"listing\": " + deep + ", \"x\":"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertUnchanged(id);
    }

    @Test
    void aTenMegabyteDescriptionIsRefusedBeforeItIsRead() {
        String id = created();
        byte[] body = OfferJson.sample(id, o -> listing(o).put("description", repeat('d', 10 * 1024 * 1024)))
                .toString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = Map.of("Content-Type", "application/json",
                "Content-Length", Integer.toString(body.length));

        // sent at once: the answer comes from the declared length, while the body is still on its way
        Response response = api.raw("alice", "PUT", "/api/offers/" + id, headers, body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith(PROBLEM_JSON);
        assertThat(response.problemType()).isEqualTo("request-too-large");
        assertThat(response.json().path("detail").asText()).contains("1 MB");

        // a client that asks first (Expect: 100-continue, as curl does for large bodies) is told not to send it
        Map<String, String> expecting = new java.util.HashMap<>(headers);
        expecting.put("Expect", "100-continue");
        Response refused = api.raw("alice", "PUT", "/api/offers/" + id, expecting, null);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.problemType()).isEqualTo("request-too-large");
        assertUnchanged(id);
    }

    @Test
    void aLargeBodyWithoutALengthIsCutOffAtTheLimit() {
        String id = created();
        byte[] body = OfferJson.sample(id, o -> listing(o).put("description", repeat('d', 1536 * 1024)))
                .toString().getBytes(StandardCharsets.UTF_8);
        Response response = api.send("alice", "/api/offers/" + id, request -> request
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problemType()).isEqualTo("request-too-large");
        assertUnchanged(id);
    }

    @Test
    void aDescriptionOverItsLimitButWithinTheBodyLimitIsAFieldError() {
        String id = created();
        Response response = api.put("alice", "/api/offers/" + id,
                OfferJson.sample(id, o -> listing(o).put("description", repeat('d', 100_000))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactly("listing.description Size");
        assertUnchanged(id);
    }

    @Test
    void moreThan100PreviewSubscriptionsAreRefused() {
        String id = created();
        Response response = api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> o.set("previewAudience",
                array(IntStream.range(0, 101).mapToObj(i -> subscription(UUID.randomUUID().toString(), "QA " + i))
                        .toArray()))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactly("previewAudience Size");
        assertThat(response.json().path("errors").get(0).path("suggestion").asText()).contains("at most 100");
        assertUnchanged(id);
    }

    @Test
    void subscriptionIdsThatAreNotGuidsAreRefused() {
        String id = created();
        Response response = api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> o.set("previewAudience",
                array(subscription("3f2504e0-4f89-11d3-9a0c-0305e82c3301", null), subscription("12345", null),
                        subscription("3f2504e0-4f89-11d3-9a0c-0305e82c330g", null)))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactly("previewAudience[1].subscriptionId Pattern",
                "previewAudience[2].subscriptionId Pattern");
        assertUnchanged(id);
    }

    @Test
    void htmlAndScriptInTextFieldsAreRefused() {
        String id = created();
        String script = "<script>alert(document.cookie)</script>";
        Response response = api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> {
            listing(o).put("name", script).put("searchSummary", "<img src=x onerror=alert(1)>")
                    .put("description", "<p>Fine</p>" + script);
            plan(o, 0).put("name", "<b>Standard</b>");
            ((ObjectNode) o.get("previewAudience").get(0)).put("description", script);
        }));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.fieldErrors()).containsExactly("listing.description SafeHtml", "listing.name PlainText",
                "listing.searchSummary PlainText", "plans[0].name PlainText",
                "previewAudience[0].description PlainText");
        assertThat(response.body()).doesNotContain("<", "script>");
        assertUnchanged(id);
    }

    @Test
    void responsesNeverCarryMarkupUnescaped() {
        String id = TestOffers.newOfferId();
        String description = "<p>Fast &amp; small. See <a href=\"https://contoso.example/docs\">the docs</a>.</p>";
        Response created = api.post("alice", "/api/offers", OfferJson.sample(id,
                o -> listing(o).put("description", description).put("name", "R&D's Web <3")));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("<", ">", "&", "'").contains("\\u003Cp\\u003E");
        Response read = api.get("alice", "/api/offers/" + id);
        assertThat(read.body()).doesNotContain("<", ">", "&");
        assertThat(read.json().path("offer").path("listing").path("description").asText()).isEqualTo(description);
        assertThat(read.json().path("offer").path("listing").path("name").asText()).isEqualTo("R&D's Web <3");

        Response unknown = api.put("alice", "/api/offers/" + id, OfferJson.sample(id,
                o -> o.put("<img src=x onerror=alert(1)>", 1)));
        assertThat(unknown.fieldErrors()).containsExactly("<img src=x onerror=alert(1)> UnknownField");
        assertThat(unknown.body()).doesNotContain("<", ">");
    }

    @Test
    void offerIdsInPathsAreValidatedAndNeverEchoed() {
        for (String path : List.of("/api/offers/%3Cscript%3Ealert(1)%3C%20script%3E", "/api/offers/UPPER",
                "/api/offers/" + repeat('a', 51) + "/history", "/api/offers/x%20y/diff")) {
            Response response = api.get("alice", path);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.problemType()).isEqualTo("validation-failed");
            assertThat(response.fieldErrors()).containsExactly("offerId OfferId");
            assertThat(response.body()).doesNotContain("<", "x y");
            assertThat(response.json().path("detail").asText() + response.json().path("errors"))
                    .doesNotContain("script", "UPPER", "x%20y");
        }
        assertThat(api.get(null, "/api/catalog/%3Cb%3E").fieldErrors()).containsExactly("offerId OfferId");
    }

    @Test
    void anotherOrganisationsOfferDoesNotExistForItsPublishers() {
        String id = created();
        assertThat(api.get("bob", "/api/offers/" + id).status()).isEqualTo(404);
        assertThat(api.put("bob", "/api/offers/" + id, OfferJson.sample(id)).status()).isEqualTo(404);
        assertThat(api.get("bob", "/api/offers/" + id + "/history").status()).isEqualTo(404);
        assertThat(api.post("bob", "/api/offers/" + id + "/stop-selling").status()).isEqualTo(404);
        assertThat(api.get(null, "/api/offers/" + id).status()).isEqualTo(401);
        assertUnchanged(id);
    }

    @Test
    void otherMediaTypesMethodsAndPathsAreProblemsToo() {
        String id = created();
        Response response = api.send("alice", "/api/offers/" + id, request -> request
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("hello")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).as(response.body()).startsWith(PROBLEM_JSON);
        assertThat(response.problemType()).isEqualTo("unsupported-media-type");

        Response wrongMethod = api.send("alice", "/api/offers/" + id, request -> request
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith(PROBLEM_JSON);
        Response unknownPath = api.get("alice", "/api/offers/" + id + "/nothing-here");
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.contentType()).startsWith(PROBLEM_JSON);
        assertUnchanged(id);
    }

    @Test
    void anImageDeclaredLargerThanTheLimitIsRefusedBeforeItIsRead() {
        String id = created();
        Response response = api.raw("alice", "PUT", "/api/offers/" + id + "/image", Map.of(
                "Content-Type", "application/x-tar", "Content-Length", Long.toString(5L * 1024 * 1024 * 1024),
                "Expect", "100-continue"), null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.problemType()).isEqualTo("image-too-large");
        assertThat(api.get("alice", "/api/offers/" + id).json().has("image")).isFalse();
    }

    @Test
    void historyRecordsWhoChangedWhatAndWhen() {
        String id = created();
        api.put("alice", "/api/offers/" + id, OfferJson.sample(id, o -> listing(o).put("name", "Renamed")));
        Response image = api.put("alice", "/api/offers/" + id + "/image", "application/x-tar",
                SampleImage.image().toArchiveBytes());
        assertThat(image.status()).as(image.body()).isEqualTo(200);

        JsonNode history = api.get("alice", "/api/offers/" + id + "/history").json();
        assertThat(history).extracting(e -> e.path("type").asText(), e -> e.path("actor").asText(),
                e -> e.path("detail").asText()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CREATED", "alice", "revision 1"),
                org.assertj.core.groups.Tuple.tuple("EDITED", "alice", "revision 2"),
                org.assertj.core.groups.Tuple.tuple("IMAGE_UPLOADED", "alice",
                        image.json().path("image").path("archiveDigest").asText() + " (1.0.0, latest)"));
        assertThat(history).allSatisfy(e -> assertThat(e.path("occurredAt").asText()).isNotBlank());
    }

    private String created() {
        String id = TestOffers.newOfferId();
        Response created = api.post("alice", "/api/offers", OfferJson.sample(id));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    /** The offer is still at revision 1 as created, and its history says only that it was created. */
    private void assertUnchanged(String id) {
        Response read = api.get("alice", "/api/offers/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("revision").asInt()).isEqualTo(1);
        assertThat(read.json().path("offer")).isEqualTo(ApiClient.JSON.valueToTree(SampleOffer.document(id)));
        assertThat(api.get("alice", "/api/offers/" + id + "/history").json())
                .extracting(e -> e.path("type").asText()).containsExactly("CREATED");
    }
}
