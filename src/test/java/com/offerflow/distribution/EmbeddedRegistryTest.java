package com.offerflow.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.storage.PackageStore;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ApiClient.Response;
import com.offerflow.support.ProcessDriver;
import com.offerflow.web.Publishing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded registry on the app's own port, pulled from with skopeo as customers do: a live offer anonymously in
 * the regions of its plans only, the preview by its audience and its publisher only, and only while it is in preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class EmbeddedRegistryTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    PackageStore store;
    @TempDir
    Path tmp;

    ApiClient api;
    Publishing publishing;
    Skopeo skopeo;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(port);
        publishing = new Publishing(api, driver);
        skopeo = new Skopeo(tmp.resolve("skopeo"));
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    private String host() {
        return "127.0.0.1:" + port;
    }

    @Test
    void aLiveOfferIsPulledAnonymouslyFromEveryRegionOfItsPlansWithThePackageDigest() throws Exception {
        String offerId = publishing.createOffer();
        String publicationId = publishing.publishToLive(offerId);
        Digest packageDigest = Digest.parse(publishing.publication(publicationId).path("packageDigest").asText());

        for (String region : List.of("westeurope", "eastus")) {
            for (String tag : List.of("1.0.0", "latest")) {
                assertThat(skopeo.pullDigest(host() + "/" + region + "/contoso/" + offerId + ":" + tag, null))
                        .as(region + " " + tag).isEqualTo(packageDigest);
            }
        }
        Skopeo.Result notSold = skopeo.pull(host() + "/southeastasia/contoso/" + offerId + ":1.0.0", null);
        assertThat(notSold.ok()).as(notSold.toString()).isFalse();
        Skopeo.Result unknown = skopeo.pull(host() + "/westeurope/contoso/no-such-offer:1.0.0", null);
        assertThat(unknown.ok()).isFalse();
        assertThat(notSold.output()).as("a region without the offer looks like a repository that does not exist")
                .contains("unauthorized");
        assertThat(unknown.output()).contains("unauthorized");
    }

    @Test
    void aStoppedOfferStaysPullableForItsCustomers() throws Exception {
        String offerId = publishing.createOffer();
        publishing.publishToLive(offerId);
        assertThat(api.post("alice", "/api/offers/" + offerId + "/stop-selling").status()).isEqualTo(200);

        assertThat(skopeo.pull(host() + "/westeurope/contoso/" + offerId + ":1.0.0", null).ok()).isTrue();
    }

    @Test
    void thePreviewIsPulledByItsAudienceAndItsPublisherUntilGoLive() throws Exception {
        String offerId = publishing.createOffer();
        String publicationId = publishing.start(offerId);
        publishing.toPreview(publicationId);
        String preview = host() + "/preview/contoso/" + offerId + ":1.0.0";
        Digest packageDigest = Digest.parse(publishing.publication(publicationId).path("packageDigest").asText());

        assertThat(skopeo.pullDigest(preview, "carol")).isEqualTo(packageDigest);
        assertThat(skopeo.pullDigest(preview, "alice")).isEqualTo(packageDigest);
        for (String refused : new String[] {"dave", "bob", null}) {
            Skopeo.Result result = skopeo.pull(preview, refused);
            assertThat(result.ok()).as(refused + ": " + result).isFalse();
        }
        assertThat(skopeo.pull(host() + "/westeurope/contoso/" + offerId + ":1.0.0", "carol").ok())
                .as("not live yet").isFalse();

        publishing.selectGoLive(publicationId);
        assertThat(skopeo.pull(preview, "carol").ok()).as("after Go live").isFalse();
        publishing.finish(publicationId);
        assertThat(skopeo.pull(preview, "carol").ok()).as("once live").isFalse();
        assertThat(skopeo.pull(preview, "alice").ok()).as("once live").isFalse();
    }

    @Test
    void aCancelledPreviewCannotBePulled() throws Exception {
        String offerId = publishing.createOffer();
        String publicationId = publishing.start(offerId);
        publishing.toPreview(publicationId);
        String preview = host() + "/preview/contoso/" + offerId + ":latest";
        assertThat(skopeo.pull(preview, "carol").ok()).isTrue();

        Response cancelled = api.post("alice", "/api/publications/" + publicationId + "/cancel", "{}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        driver.runJobs(publicationId);

        assertThat(publishing.status(publicationId)).isEqualTo("CANCELLED");
        assertThat(skopeo.pull(preview, "carol").ok()).isFalse();
        assertThat(skopeo.pull(preview, "alice").ok()).isFalse();
    }

    @Test
    void artifactsAttachedToThePackageTravelWithItAndAreListedAsReferrers() throws Exception {
        String offerId = publishing.createOffer();
        String publicationId = publishing.start(offerId);
        publishing.toPreview(publicationId);
        Descriptor sbom = Artifacts.attachSbom(store, publicationId, "1.0.0");
        publishing.selectGoLive(publicationId);
        publishing.finish(publicationId);
        String packageDigest = publishing.publication(publicationId).path("packageDigest").asText();
        String name = "westeurope/contoso/" + offerId;
        String token = api.get(null, "/auth/token?service=offerflow&scope=repository:" + name + ":pull").json()
                .path("token").asText();

        ApiClient.Response referrers = api.send(null, "/v2/" + name + "/referrers/" + packageDigest,
                request -> request.header("Authorization", "Bearer " + token).GET());
        assertThat(referrers.status()).isEqualTo(200);
        JsonNode listed = referrers.json().path("manifests");
        assertThat(listed).hasSize(1);
        assertThat(listed.path(0).path("digest").asText()).isEqualTo(sbom.digest().toString());
        assertThat(listed.path(0).path("artifactType").asText()).isEqualTo(Artifacts.SBOM_TYPE);
        ApiClient.Response filtered = api.send(null, "/v2/" + name + "/referrers/" + packageDigest
                + "?artifactType=application/spdx%2Bjson", request -> request
                .header("Authorization", "Bearer " + token).GET());
        assertThat(filtered.json().path("manifests")).isEmpty();
        assertThat(filtered.header("OCI-Filters-Applied")).isEqualTo("artifactType");
        ApiClient.Response manifest = api.send(null, "/v2/" + name + "/manifests/" + sbom.digest(),
                request -> request.header("Authorization", "Bearer " + token).GET());
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.json().path("subject").path("digest").asText()).isEqualTo(packageDigest);
    }
}
