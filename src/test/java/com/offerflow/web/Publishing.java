package com.offerflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.demo.SampleImage;
import com.offerflow.offer.OfferJson;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.TestOffers;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ApiClient.Response;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher (alice) working over the API, with the process driven by the test (profile {@code manual}): create
 * an offer, upload its image, publish it, and follow the publication to its preview and Go live.
 */
public final class Publishing {

    private final ApiClient api;
    private final ProcessDriver driver;

    public Publishing(ApiClient api, ProcessDriver driver) {
        this.api = api;
        this.driver = driver;
    }

    /** A new offer of alice's: the sample offer changed by {@code edit}, with the sample image when asked. */
    public String createOffer(Consumer<ObjectNode> edit, boolean withImage) {
        String id = TestOffers.newOfferId();
        Response created = api.post("alice", "/api/offers", OfferJson.sample(id, edit));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (withImage) {
            uploadImage(id);
        }
        return id;
    }

    public String createOffer() {
        return createOffer(offer -> { }, true);
    }

    public void uploadImage(String offerId) {
        Response uploaded = api.put("alice", "/api/offers/" + offerId + "/image", "application/x-tar",
                SampleImage.image().toArchiveBytes());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    }

    /** Saves a new draft: the sample offer under {@code offerId} changed by {@code edit}. */
    public Response edit(String offerId, Consumer<ObjectNode> edit) {
        return api.put("alice", "/api/offers/" + offerId, OfferJson.sample(offerId, edit));
    }

    /** Starts a publication and runs step 1; returns its id. */
    public String start(String offerId) {
        Response started = api.post("alice", "/api/offers/" + offerId + "/publications", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String publicationId = started.json().path("publicationId").asText();
        driver.runJobs(publicationId);
        return publicationId;
    }

    /** Certification and packaging, up to the preview waiting for Go live. */
    public void toPreview(String publicationId) {
        driver.scan(publicationId);
        assertThat(status(publicationId)).isEqualTo("PREVIEW");
    }

    /** The publisher's Go live, without running what follows (replication and step 6). */
    public void selectGoLive(String publicationId) {
        Response response = api.post("alice", "/api/publications/" + publicationId + "/go-live", "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    /** Replication and step 6 after Go live: the publication's version is live. */
    public void finish(String publicationId) {
        driver.runJobs(publicationId);
        assertThat(status(publicationId)).isEqualTo("LIVE");
    }

    /** A whole publication of the offer as it is now, to LIVE; returns the publication's id. */
    public String publishToLive(String offerId) {
        String publicationId = start(offerId);
        toPreview(publicationId);
        selectGoLive(publicationId);
        finish(publicationId);
        return publicationId;
    }

    public JsonNode publication(String publicationId) {
        Response response = api.get("alice", "/api/publications/" + publicationId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public String status(String publicationId) {
        return publication(publicationId).path("status").asText();
    }

    /** The public catalog's entry of the offer (no credentials). */
    public Response catalog(String offerId) {
        return api.get(null, "/api/catalog/" + offerId);
    }
}
