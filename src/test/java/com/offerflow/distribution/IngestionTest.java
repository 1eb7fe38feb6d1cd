package com.offerflow.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.offerflow.demo.SampleImage;
import com.offerflow.image.Digest;
import com.offerflow.offer.OfferJson;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ProcessDriver;
import com.offerflow.web.Publishing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion by push: the marketplace's ingestion registry (docker-registry, token service = the app) takes
 * publishers' pushes into their own organisation's namespace only; an offer names its ingestion repository as its
 * image source and is published from there, with the production defaults that refuse plain-HTTP and loopback
 * registries for publishers' own registries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "offerflow.images.allow-insecure-registries=false", "offerflow.images.allow-private-registries=false"})
@ActiveProfiles({"demo", "test", "manual"})
class IngestionTest {

    static final TokenAuthSetup APP = new TokenAuthSetup("ingestion");
    static final TokenAuthRegistry INGESTION = APP.registry("ingestion");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        APP.properties(properties);
        properties.add("offerflow.distribution.ingestion.url", INGESTION::url);
        properties.add("offerflow.distribution.ingestion.service", INGESTION::service);
    }

    @AfterAll
    static void stop() throws InterruptedException, IOException {
        INGESTION.stop();
        APP.delete();
    }

    @Autowired
    ProcessDriver driver;

    ApiClient api;
    Publishing publishing;
    Skopeo skopeo;
    Path archive;

    @BeforeEach
    void setUp() throws IOException {
        api = new ApiClient(APP.appPort);
        publishing = new Publishing(api, driver);
        skopeo = new Skopeo(APP.dir.resolve("skopeo"));
        archive = APP.dir.resolve("sample.tar");
        if (!Files.exists(archive)) {
            Files.write(archive, SampleImage.image().toArchiveBytes());
        }
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    @Test
    void alicePushesIntoContosoAndPublishesFromThereToLive() throws Exception {
        String offerId = publishing.createOffer(offer -> OfferJson.technical(offer)
                .put("registryRepository", INGESTION.url() + "/contoso/" + "web-" + offer.path("offerId").asText()),
                false);
        String repository = INGESTION.host() + "/contoso/web-" + offerId;
        for (String tag : new String[] {"1.0.0", "latest"}) {
            Skopeo.Result pushed = skopeo.push(archive, "1.0.0", repository + ":" + tag, "alice");
            assertThat(pushed.ok()).as(pushed.toString()).isTrue();
        }
        Digest pushed = skopeo.pullDigest(repository + ":1.0.0", "alice");

        String publicationId = publishing.publishToLive(offerId);

        JsonNode publication = publishing.publication(publicationId);
        assertThat(publication.path("pinnedImage").asText()).isEqualTo(INGESTION.url() + "/contoso/web-" + offerId
                + "@" + pushed);
        assertThat(publication.path("packageDigest").asText()).isEqualTo(pushed.toString());
        assertThat(skopeo.pullDigest("127.0.0.1:" + APP.appPort + "/westeurope/contoso/" + offerId + ":latest", null))
                .isEqualTo(pushed);
    }

    @Test
    void bobCanNeitherPushNorPullInContosoAndNobodyPullsAnonymously() throws Exception {
        String repository = INGESTION.host() + "/contoso/bobs-target";
        assertThat(skopeo.push(archive, "1.0.0", repository + ":1.0.0", "alice").ok()).isTrue();

        Skopeo.Result bobPushes = skopeo.push(archive, "1.0.0", repository + ":evil", "bob");
        assertThat(bobPushes.ok()).as(bobPushes.toString()).isFalse();
        assertThat(skopeo.pull(repository + ":1.0.0", "bob").ok()).isFalse();
        assertThat(skopeo.pull(repository + ":1.0.0", null).ok()).isFalse();
        assertThat(skopeo.pull(repository + ":1.0.0", "carol").ok()).isFalse();
        assertThat(skopeo.push(archive, "1.0.0", INGESTION.host() + "/fabrikam/own:1.0.0", "bob").ok())
                .as("bob pushes into his own organisation").isTrue();
        assertThat(skopeo.push(archive, "1.0.0", INGESTION.host() + "/loose:1.0.0", "alice").ok())
                .as("no organisation's namespace").isFalse();
    }

    @Test
    void anOfferOfAnotherOrganisationCannotPublishFromContososNamespace() throws Exception {
        String repository = INGESTION.host() + "/contoso/not-for-bob";
        assertThat(skopeo.push(archive, "1.0.0", repository + ":1.0.0", "alice").ok()).isTrue();
        assertThat(skopeo.push(archive, "1.0.0", repository + ":latest", "alice").ok()).isTrue();
        String offerId = com.offerflow.support.TestOffers.newOfferId();
        ApiClient.Response created = api.post("bob", "/api/offers", OfferJson.sample(offerId, offer -> OfferJson
                .technical(offer).put("repositoryName", "fabrikam/" + offerId)
                .put("registryRepository", INGESTION.url() + "/contoso/not-for-bob")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        ApiClient.Response started = api.post("bob", "/api/offers/" + offerId + "/publications", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String publicationId = started.json().path("publicationId").asText();
        driver.runJobs(publicationId);

        JsonNode publication = api.get("bob", "/api/publications/" + publicationId).json();
        assertThat(publication.path("status").asText()).isEqualTo("ATTENTION_NEEDED");
        assertThat(publication.path("findings").findValuesAsText("rule")).contains("IngestionNamespace");
        assertThat(publication.path("pinnedImage").isMissingNode() || publication.path("pinnedImage").isNull())
                .isTrue();
    }
}
