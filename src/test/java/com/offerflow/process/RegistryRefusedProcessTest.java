package com.offerflow.process;

import com.offerflow.demo.SampleImage;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.support.OfferEdits;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Step 1 with the production defaults of {@code offerflow.images.*}: a registry over plain HTTP, or on a loopback
 * or private address, is not contacted, even when it would answer (a real {@code docker-registry} on loopback has
 * the image here). Its own Spring context, since these settings differ from the test profile's.
 */
@SpringBootTest(properties = {"offerflow.images.allow-insecure-registries=false",
        "offerflow.images.allow-private-registries=false"})
@ActiveProfiles({"demo", "test", "manual"})
class RegistryRefusedProcessTest {

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.anonymous();

    @Autowired
    OfferService offers;
    @Autowired
    PublicationRepository repository;
    @Autowired
    ProcessDriver driver;

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    @Test
    void aPlainHttpRegistryIsRefusedUnlessAllowed() throws Exception {
        String name = "contoso/" + TestOffers.newOfferId();
        REGISTRY.push(SampleImage.image(), name, "1.0.0", "latest");
        Offer offer = TestOffers.create(offers, OfferEdits.registry(REGISTRY.repository(name)), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        assertThat(driver.publication(id).results().pinnedImage()).isNull();
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule, Finding::message)
                .containsExactly(tuple("technicalConfiguration.registryRepository", "SecureRegistry",
                        "the registry " + REGISTRY.url() + " is plain HTTP, which is not contacted: images are"
                                + " pulled over https only"));
        assertThat(repository.findings(id).get(0).suggestion()).startsWith("Serve the registry over https://");
    }

    @Test
    void aRegistryOnALoopbackAddressIsRefusedUnlessAllowed() {
        Offer offer = TestOffers.create(offers, OfferEdits.registry("https://localhost:5000/contoso/web"), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule, Finding::message)
                .containsExactly(tuple("technicalConfiguration.registryRepository", "PublicRegistry",
                        "the registry's host localhost is a private or local address, which is not contacted"));
    }
}
