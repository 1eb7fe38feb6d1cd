package com.offerflow.process;

import com.offerflow.certification.CertificationReports;
import com.offerflow.demo.SampleImage;
import com.offerflow.image.Digest;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.publication.PublishingStep;
import com.offerflow.replication.ReplicationService;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.storage.PackageStore;
import com.offerflow.support.OfferEdits;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.TestOffers;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * {@code PublishContainerOffer.bpmn} for an offer whose technical configuration names a repository in a registry: a
 * real {@code docker-registry} on loopback (allowed by the test profile), images pushed to it from Java. Step 1
 * pins the image the tags name; certification scans and packaging copies that pinned image, whatever the tags name
 * later. Jobs and the scan task are driven by the test, with the same context as the other process tests.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "manual"})
class PublishFromRegistryProcessTest {

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.anonymous();

    @Autowired
    ProcessEngine engine;
    @Autowired
    OfferService offers;
    @Autowired
    PublicationService publications;
    @Autowired
    PublicationRepository repository;
    @Autowired
    ProcessDriver driver;
    @Autowired
    CertificationReports reports;
    @Autowired
    ReplicationService replication;
    @Autowired
    PackageStore packages;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void resetAssertions() {
        driver.deleteAllInstances();
        reset();
    }

    @Test
    void publishesAnImagePulledFromTheRegistryToLive() throws Exception {
        String name = "contoso/" + TestOffers.newOfferId();
        Digest digest = REGISTRY.push(SampleImage.image(), name, "1.0.0", "latest");
        Offer offer = TestOffers.create(offers, OfferEdits.registry(REGISTRY.repository(name)), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        ProcessInstance instance = driver.instance(id);

        driver.runJobs(id);

        String pinned = REGISTRY.repository(name) + "@" + digest;
        assertThat(instance).isWaitingAt("Task_ScanImage");
        assertThat(driver.publication(id).results().pinnedImage()).isEqualTo(pinned);
        assertThat(driver.publication(id).snapshot().imageDigest()).isNull();
        ExternalTask scanTask = engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(instance.getId()).singleResult();
        assertThat(engine.getRuntimeService().getVariableLocal(scanTask.getExecutionId(), "imageSource"))
                .isEqualTo(pinned);

        driver.scan(id);

        assertThat(instance).isWaitingAt("Task_SignOff");
        CertificationReport report = reports.find(id).orElseThrow();
        assertThat(report.outcome()).isEqualTo(CertificationReport.Outcome.PASSED);
        assertThat(report.image().reference()).isEqualTo(pinned);
        assertThat(report.image().manifestDigest()).isEqualTo(digest.toString());
        assertThat(driver.publication(id).results().packageDigest()).isEqualTo(digest.toString());

        publications.goLive(TestOffers.ALICE, id, "ship it");
        driver.runJobs(id);

        assertThat(instance).isEnded().hasPassed("EndEvent_OfferLive");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.LIVE);
        assertThat(catalogPackageDigest(offer.offerId())).isEqualTo(digest.toString());
        for (String region : new String[] {"westeurope", "eastus"}) {
            for (String tag : new String[] {"1.0.0", "latest"}) {
                assertThat(replication.served(region, offer.draft().technicalConfiguration().repositoryName(), tag))
                        .hasValueSatisfying(served -> assertThat(served.digest()).isEqualTo(digest));
            }
        }
    }

    @Test
    void aTagMissingFromTheRegistryIsAFindingOfStepOneUntilItIsPushed() throws Exception {
        String name = "contoso/" + TestOffers.newOfferId();
        REGISTRY.push(SampleImage.image(), name, "1.0.0");
        Offer offer = TestOffers.create(offers, OfferEdits.registry(REGISTRY.repository(name)), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        assertThat(driver.instance(id)).isWaitingAt("Task_ResolveFindings");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        assertThat(driver.publication(id).results().pinnedImage()).isNull();
        assertThat(repository.findings(id)).extracting(Finding::step, Finding::field, Finding::rule, Finding::message)
                .containsExactly(tuple(PublishingStep.VALIDATE_PREREQUISITES, "technicalConfiguration.tags[1]",
                        "TagInRegistry", "tag 'latest' is not in the registry repository "
                                + REGISTRY.repository(name)));
        assertThat(repository.findings(id).get(0).suggestion()).startsWith("Push the image under this tag");

        Digest digest = REGISTRY.push(SampleImage.image(), name, "latest");
        publications.resubmit(TestOffers.ALICE, id, "pushed latest");
        driver.runJobs(id);

        assertThat(driver.instance(id)).isWaitingAt("Task_ScanImage");
        assertThat(driver.publication(id).results().pinnedImage()).isEqualTo(REGISTRY.repository(name) + "@" + digest);
    }

    @Test
    void tagsNamingDifferentImagesAreAFinding() throws Exception {
        String name = "contoso/" + TestOffers.newOfferId();
        Digest first = REGISTRY.push(SampleImage.image(), name, "1.0.0");
        Digest other = REGISTRY.push(SampleImage.image().label("release", "2"), name, "latest");
        Offer offer = TestOffers.create(offers, OfferEdits.registry(REGISTRY.repository(name)), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        assertThat(driver.publication(id).results().pinnedImage()).isNull();
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule, Finding::message)
                .containsExactly(tuple("technicalConfiguration.tags[1]", "TagsNameOneImage", "tag 'latest' names"
                        + " image " + other.shortForm() + ", but tag '1.0.0' names " + first.shortForm()
                        + ": all tags must name the same image"));
    }

    @Test
    void anUnreachableRegistryIsAFindingOnTheRepository() throws Exception {
        String nobody = "http://127.0.0.1:" + DockerRegistryExtension.freePort() + "/contoso/web";
        Offer offer = TestOffers.create(offers, OfferEdits.registry(nobody), SampleImage.image());
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        // the uploaded image is not a fallback: the configuration says where the image comes from
        assertThat(driver.publication(id).snapshot().imageDigest()).isNull();
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule).containsExactly(
                tuple("technicalConfiguration.registryRepository", "RegistryReachable"));
        assertThat(repository.findings(id).get(0).message()).startsWith("the registry http://127.0.0.1:")
                .contains("could not be reached");
    }

    @Test
    void aTagMovedAfterStepOneStillCertifiesAndPackagesThePinnedImage() throws Exception {
        String name = "contoso/" + TestOffers.newOfferId();
        Digest pinned = REGISTRY.push(SampleImage.image(), name, "1.0.0", "latest");
        Offer offer = TestOffers.create(offers, OfferEdits.registry(REGISTRY.repository(name)), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        assertThat(driver.publication(id).results().pinnedImage()).endsWith("@" + pinned);

        // the publisher moves both tags to an image that would fail certification (it runs as root)
        OciImageBuilder moved = SampleImage.image().user("0:0");
        Digest movedDigest = REGISTRY.push(moved, name, "1.0.0", "latest");
        assertThat(movedDigest).isNotEqualTo(pinned);

        driver.scan(id);

        assertThat(driver.instance(id)).isWaitingAt("Task_SignOff");
        assertThat(reports.find(id).orElseThrow().image().manifestDigest()).isEqualTo(pinned.toString());
        assertThat(PackageStore.manifestForTag(packages.staging(id), "1.0.0"))
                .hasValueSatisfying(manifest -> assertThat(manifest.digest()).isEqualTo(pinned));
        assertThat(PackageStore.manifestForTag(packages.staging(id), "latest"))
                .hasValueSatisfying(manifest -> assertThat(manifest.digest()).isEqualTo(pinned));

        publications.goLive(TestOffers.ALICE, id, null);
        driver.runJobs(id);

        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.LIVE);
        assertThat(catalogPackageDigest(offer.offerId())).isEqualTo(pinned.toString());
    }

    @Test
    void anUploadedImageIsPublishedAsBeforeWithoutARegistry() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        assertThat(driver.publication(id).results().pinnedImage()).isNull();
        assertThat(driver.publication(id).snapshot().imageDigest()).isEqualTo(offer.image().archiveDigest());
        ExternalTask scanTask = engine.getExternalTaskService().createExternalTaskQuery()
                .processInstanceId(driver.instanceId(id)).singleResult();
        assertThat(engine.getRuntimeService().getVariableLocal(scanTask.getExecutionId(), "imageSource"))
                .isEqualTo(offer.image().archiveDigest());
        driver.scan(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_SignOff");
    }

    private String catalogPackageDigest(String offerId) {
        return jdbc.sql("select package_digest from catalog_entry where offer_id = ?").param(offerId)
                .query(String.class).single();
    }
}
