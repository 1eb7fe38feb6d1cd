package com.offerflow.distribution;

import com.offerflow.image.Digest;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The preview on an external registry (docker-registry, token service = the app): packaging pushes the package
 * there, the same audience rules hold, and it ends with the publication, so a cluster needs no shared folder to show
 * its previews.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class ExternalPreviewTest {

    static final TokenAuthSetup APP = new TokenAuthSetup("external-preview");
    static final TokenAuthRegistry PREVIEW = APP.registry("preview");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry properties) {
        APP.properties(properties);
        properties.add("offerflow.distribution.preview.url", () -> PREVIEW.url() + "/previews");
        properties.add("offerflow.distribution.preview.service", PREVIEW::service);
    }

    @AfterAll
    static void stop() throws InterruptedException, IOException {
        PREVIEW.stop();
        APP.delete();
    }

    @Autowired
    ProcessDriver driver;

    ApiClient api;
    Publishing publishing;
    Skopeo skopeo;

    @BeforeEach
    void setUp() throws IOException {
        api = new ApiClient(APP.appPort);
        publishing = new Publishing(api, driver);
        skopeo = new Skopeo(APP.dir.resolve("skopeo"));
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    @Test
    void thePreviewIsPushedToThePreviewRegistryAndPulledThereByItsAudienceOnly() throws Exception {
        String offerId = publishing.createOffer();
        String publicationId = publishing.start(offerId);
        publishing.toPreview(publicationId);
        String reference = api.get("alice", "/api/publications/" + publicationId + "/preview").json()
                .path("pullReference").asText();
        assertThat(reference).isEqualTo(PREVIEW.host() + "/previews/contoso/" + offerId);
        Digest packageDigest = Digest.parse(publishing.publication(publicationId).path("packageDigest").asText());

        assertThat(skopeo.pullDigest(reference + ":1.0.0", "carol")).isEqualTo(packageDigest);
        assertThat(skopeo.pullDigest(reference + ":latest", "alice")).isEqualTo(packageDigest);
        for (String refused : new String[] {"dave", "bob", null}) {
            assertThat(skopeo.pull(reference + ":1.0.0", refused).ok()).as(String.valueOf(refused)).isFalse();
        }
        assertThat(skopeo.pull("127.0.0.1:" + APP.appPort + "/preview/contoso/" + offerId + ":1.0.0", "carol").ok())
                .as("the embedded registry serves no preview when a preview registry is configured").isFalse();

        publishing.selectGoLive(publicationId);
        publishing.finish(publicationId);
        assertThat(skopeo.pull(reference + ":1.0.0", "carol").ok()).as("after Go live").isFalse();
        assertThat(skopeo.pull("127.0.0.1:" + APP.appPort + "/westeurope/contoso/" + offerId + ":1.0.0", null).ok())
                .isTrue();
    }
}
