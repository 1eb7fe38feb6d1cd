package com.offerflow.process;

import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.engine.ExternalTaskRunner;
import com.offerflow.engine.WorkerSettings;
import com.offerflow.demo.SampleImage;
import com.offerflow.identity.Groups;
import com.offerflow.offer.LeadManagement;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.offer.PreviewSubscription;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.publication.PublishingStep;
import com.offerflow.publication.StepRecord;
import com.offerflow.publication.StepState;
import com.offerflow.support.OfferEdits;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.TestOffers;
import com.offerflow.web.ApiException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * {@code PublishContainerOffer.bpmn} with its real delegates, database and stores: the happy path through the six
 * steps, every detour, and every timer. Jobs, timers and the scan task are driven by the test.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "manual"})
class PublishContainerOfferProcessTest {

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
    JdbcClient jdbc;
    @Autowired
    com.offerflow.certification.CertificationReports certificationReports;
    @Autowired
    com.offerflow.storage.PackageStore packages;
    @Autowired
    com.offerflow.storage.ImageArchives archives;
    @Autowired
    com.offerflow.packaging.PackageImageTask packager;

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
    void publishesAnOfferThroughAllSixStepsToLive() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        ProcessInstance instance = driver.instance(id);
        assertThat(instance).isWaitingAt("Task_ValidatePrerequisites");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.IN_PROGRESS);

        driver.runJobs(id);
        assertThat(instance).isWaitingAt("Task_ScanImage");
        assertThat(instance).externalTask().hasTopicName("certify-image");
        driver.scan(id);

        assertThat(instance).isWaitingAt("Task_SignOff");
        assertThat(instance).task().hasCandidateGroup(Groups.publisherGroup("contoso"));
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.PREVIEW);
        assertThat(driver.publication(id).results().packageDigest()).startsWith("sha256:");

        publications.goLive(TestOffers.ALICE, id, "looks good");
        driver.runJobs(id);

        assertThat(instance).isEnded().hasPassedInOrder("Task_ValidatePrerequisites", "Task_ScanImage",
                "Task_PackageImage", "Task_SetUpLeadManagement", "Task_SignOff", "Task_ReplicateToRegion",
                "Task_PublishOffer", "EndEvent_OfferLive");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.LIVE);
        assertThat(driver.publication(id).timeline().endedAt()).isNotNull();
        assertThat(driver.steps(id)).extracting(StepRecord::state).containsOnly(StepState.COMPLETED);
        assertThat(jdbc.sql("select regions from catalog_entry where offer_id = ?").param(offer.offerId())
                .query(String.class).single()).isEqualTo("westeurope,eastus");
        assertThat(offers.get(TestOffers.ALICE, offer.offerId()).livePublicationId()).isEqualTo(id);
    }

    @Test
    void invalidOfferWaitsForTheFixAndRunsValidationAgainOnResubmit() {
        Offer offer = TestOffers.create(offers, OfferEdits.previewAudience(List.of()), SampleImage.image());
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);

        ProcessInstance instance = driver.instance(id);
        assertThat(instance).isWaitingAt("Task_ResolveFindings");
        assertThat(instance).task().hasCandidateGroup(Groups.publisherGroup("contoso"));
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("previewAudience", "PreviewAudienceRequired"));
        assertThat(stateOf(id, PublishingStep.VALIDATE_PREREQUISITES)).isEqualTo(StepState.ATTENTION_NEEDED);

        offers.update(TestOffers.ALICE, offer.offerId(), OfferEdits.previewAudience(List.of(
                new PreviewSubscription("00000000-0000-0000-0000-000000000001", null))).apply(
                offers.get(TestOffers.ALICE, offer.offerId()).draft()), null);
        publications.resubmit(TestOffers.ALICE, id, "added a preview subscription");
        assertThat(driver.publication(id).snapshot().revision()).isEqualTo(2);
        driver.runJobs(id);

        assertThat(instance).isWaitingAt("Task_ScanImage");
        assertThat(stepOf(id, PublishingStep.VALIDATE_PREREQUISITES).attempts()).isEqualTo(2);
        assertThat(stateOf(id, PublishingStep.VALIDATE_PREREQUISITES)).isEqualTo(StepState.COMPLETED);
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.IN_PROGRESS);
    }

    @Test
    void missingImageAndTagsAreFindingsOfStepOne() {
        Offer offer = TestOffers.create(offers, UnaryOperator.identity(), null);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        assertThat(repository.findings(id)).extracting(Finding::field).containsExactly("image");

        offers.uploadImage(TestOffers.ALICE, offer.offerId(),
                new ByteArrayInputStream(SampleImage.image().toArchiveBytes()));
        offers.update(TestOffers.ALICE, offer.offerId(), OfferEdits.tags("1.0.0", "2.0").apply(
                offers.get(TestOffers.ALICE, offer.offerId()).draft()), null);
        publications.resubmit(TestOffers.ALICE, id, null);
        driver.runJobs(id);

        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("technicalConfiguration.tags[1]", "TagInImage"));
    }

    @Test
    void failedCertificationWaitsForAFixedImageAndPassesOnResubmit() {
        Offer offer = TestOffers.create(offers, UnaryOperator.identity(), SampleImage.image().user("0:0"));
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        driver.scan(id);

        ProcessInstance instance = driver.instance(id);
        assertThat(instance).isWaitingAt("Task_ResolveFindings");
        assertThat(stateOf(id, PublishingStep.CERTIFICATION)).isEqualTo(StepState.ATTENTION_NEEDED);
        assertThat(repository.findings(id)).extracting(Finding::step, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PublishingStep.CERTIFICATION, "non-root-user"));
        assertThat(certificationReports.find(id)).hasValueSatisfying(report ->
                assertThat(report.outcome()).isEqualTo(com.offerflow.scanner.report.CertificationReport.Outcome.FAILED));

        offers.uploadImage(TestOffers.ALICE, offer.offerId(),
                new ByteArrayInputStream(SampleImage.image().toArchiveBytes()));
        publications.resubmit(TestOffers.ALICE, id, "runs as uid 1000 now");
        driver.runJobs(id);
        driver.scan(id);

        assertThat(instance).isWaitingAt("Task_SignOff");
        assertThat(stepOf(id, PublishingStep.CERTIFICATION).attempts()).isEqualTo(2);
        assertThat(stateOf(id, PublishingStep.CERTIFICATION)).isEqualTo(StepState.COMPLETED);
    }

    @Test
    void warningsWaitForACertificationReviewerWhoAccepts() {
        String id = toReview();
        ProcessInstance instance = driver.instance(id);
        assertThat(instance).task().hasCandidateGroup(Groups.CERTIFICATION_REVIEWERS);
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.IN_PROGRESS);

        completeAs("rachel", Groups.CERTIFICATION_REVIEWERS, driver.task(id, "Task_ReviewCertification").getId(),
                Map.of("reviewDecision", "ACCEPT"));
        driver.runJobs(id);

        assertThat(instance).isWaitingAt("Task_SignOff");
        assertThat(stateOf(id, PublishingStep.CERTIFICATION)).isEqualTo(StepState.COMPLETED);
    }

    @Test
    void reviewerSendsTheImageBackWithAComment() {
        String id = toReview();
        String task = driver.task(id, "Task_ReviewCertification").getId();
        assertThatThrownBy(() -> completeAs("rachel", Groups.CERTIFICATION_REVIEWERS, task,
                Map.of("reviewDecision", "SEND_BACK"))).hasMessageContaining("reviewComment");

        completeAs("rachel", Groups.CERTIFICATION_REVIEWERS, task,
                Map.of("reviewDecision", "SEND_BACK", "reviewComment", "Why does the image ship a device node?"));
        driver.runJobs(id);

        assertThat(driver.instance(id)).isWaitingAt("Task_ResolveFindings");
        assertThat(repository.findings(id)).extracting(Finding::severity, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ERROR", "CertificationReview"),
                org.assertj.core.groups.Tuple.tuple("WARNING", "safe-paths"));
        assertThat(repository.findings(id).get(0).message())
                .isEqualTo("sent back by certification reviewer rachel: Why does the image ship a device node?");
    }

    @Test
    void rejectedPreviewGoesBackToThePublisherWithTheComment() {
        String id = toPreview();
        assertThatThrownBy(() -> publications.reject(TestOffers.ALICE, id, "  "))
                .hasMessageContaining("signOffComment");

        publications.reject(TestOffers.ALICE, id, "The description has a typo");
        driver.runJobs(id);

        assertThat(driver.instance(id)).isWaitingAt("Task_ResolveFindings");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.ATTENTION_NEEDED);
        assertThat(repository.findings(id)).extracting(Finding::rule, Finding::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("PreviewRejected", "rejected at sign-off by alice: The description has a typo"));
    }

    @Test
    void publisherCanCancelBeforeGoLive() {
        String id = toPreview();
        ProcessInstance instance = driver.instance(id);
        publications.cancel(TestOffers.ALICE, id, "wrong plan");

        assertThat(instance).isEnded().hasPassed("BoundaryEvent_PublicationCancelled",
                "EndEvent_PublicationCancelled");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.CANCELLED);
        assertThat(driver.publication(id).timeline().outcomeComment()).isEqualTo("Cancelled by alice: wrong plan");
        assertThat(stateOf(id, PublishingStep.PUBLISHER_SIGNOFF)).isEqualTo(StepState.STOPPED);
        // the offer can be published again
        assertThat(offers.get(TestOffers.ALICE, driver.publication(id).offerId()).activePublicationId()).isNull();
    }

    @Test
    void publisherCanCancelWhileFindingsWaitFromTasklist() {
        Offer offer = TestOffers.create(offers, OfferEdits.previewAudience(List.of()), SampleImage.image());
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        ProcessInstance instance = driver.instance(id);

        engine.getIdentityService().setAuthentication("alice", List.of(Groups.publisherGroup("contoso")));
        try {
            engine.getTaskService().complete(driver.task(id, "Task_ResolveFindings").getId(),
                    Map.of("resolution", "CANCEL", "resolutionComment", "not now"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        driver.runJobs(id);

        assertThat(instance).isEnded().hasPassed("EndEvent_WithdrawnByPublisher",
                "EndEvent_PublicationCancelled");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.CANCELLED);
        assertThat(driver.publication(id).timeline().outcomeComment()).isEqualTo("Cancelled by alice: not now");
    }

    @Test
    void cancelIsRefusedAfterGoLive() {
        String id = toPreview();
        publications.goLive(TestOffers.ALICE, id, null);

        assertThatThrownBy(() -> publications.cancel(TestOffers.ALICE, id, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        driver.runJobs(id);
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.LIVE);
    }

    @Test
    void previewExpiresWhenThePublisherDoesNotSignOff() {
        String id = toPreview();
        ProcessInstance instance = driver.instance(id);
        driver.fire(id, "BoundaryEvent_SignOffExpired");

        assertThat(instance).isEnded().hasPassed("EndEvent_SignOffExpired", "EndEvent_PublicationExpired");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.EXPIRED);
        assertThat(stateOf(id, PublishingStep.PUBLISHER_SIGNOFF)).isEqualTo(StepState.STOPPED);
    }

    @Test
    void signOffReminderKeepsThePreviewAndIsInTheOfferHistory() {
        String id = toPreview();
        driver.fire(id, "BoundaryEvent_SignOffReminder");

        assertThat(driver.instance(id)).isWaitingAt("Task_SignOff");
        assertThat(offers.history(TestOffers.ALICE, driver.publication(id).offerId()))
                .extracting(e -> e.type().name()).contains("SIGN_OFF_REMINDER");
    }

    @Test
    void timersUseTheConfiguredDurations() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        assertThat(dueIn(id, "BoundaryEvent_CertificationOverdue")).isBetween(7 * 24 * 3600 - 60L, 7 * 24 * 3600L);
        java.time.Instant due = driver.timer(id, "StartEvent_PublicationOverdue").getDuedate().toInstant();
        assertThat(due).isEqualTo(driver.publication(id).timeline().dueAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void tasklistShowsWhenTheSignOffExpiresAndWhenTheReminderComes() {
        String id = toPreview();
        org.camunda.bpm.engine.task.Task signOff = engine.getTaskService().createTaskQuery()
                .processInstanceId(driver.instance(id).getId()).taskDefinitionKey("Task_SignOff").singleResult();
        assertThat(signOff.getDueDate()).isCloseTo(driver.timer(id, "BoundaryEvent_SignOffExpired").getDuedate(),
                5_000);
        assertThat(signOff.getFollowUpDate()).isCloseTo(
                driver.timer(id, "BoundaryEvent_SignOffReminder").getDuedate(), 5_000);
        assertThat(signOff.getFollowUpDate()).isBefore(signOff.getDueDate());
    }

    @Test
    void findingsTaskIsDueWhenThePublicationIs() {
        Offer offer = TestOffers.create(offers, OfferEdits.previewAudience(List.of()), SampleImage.image());
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_ResolveFindings");
        org.camunda.bpm.engine.task.Task task = engine.getTaskService().createTaskQuery()
                .processInstanceId(driver.instance(id).getId()).singleResult();
        assertThat(task.getDueDate().toInstant())
                .isEqualTo(driver.publication(id).timeline().dueAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void overdueStepsAreFlaggedForThePublisherAndInCockpit() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.fire(id, "BoundaryEvent_ValidationOverdue");
        assertThat(stepOf(id, PublishingStep.VALIDATE_PREREQUISITES).overdue()).isTrue();

        driver.fire(id, "BoundaryEvent_CertificationOverdue");
        driver.scan(id);
        driver.fire(id, "BoundaryEvent_SignOffReminder");
        publications.goLive(TestOffers.ALICE, id, null);
        driver.runJobs(id);

        assertThat(stepOf(id, PublishingStep.CERTIFICATION).overdue()).isTrue();
        assertThat(stepOf(id, PublishingStep.PACKAGING).overdue()).isFalse();
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.LIVE);
    }

    @Test
    void packagingReplicationAndLiveTimersFlagTheirSteps() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        ProcessInstance instance = driver.instance(id);
        driver.runJobs(id);
        assertThat(driver.scanner().workNext("test-worker")).isTrue();
        // each step's timer starts with the step, before its first job runs
        driver.fireOnly(id, "BoundaryEvent_PackagingOverdue");
        driver.runJobs(id);
        publications.goLive(TestOffers.ALICE, id, null);
        driver.runJobNamed(id, "Task_SignOff");
        driver.fireOnly(id, "BoundaryEvent_ReplicationOverdue");
        driver.runJobNamed(id, "Task_ReplicateToRegion");
        driver.runJobNamed(id, "Task_ReplicateToRegion");
        driver.fire(id, "BoundaryEvent_LiveOverdue");
        driver.runJobs(id);

        assertThat(instance).isEnded().hasPassed("EndEvent_PackagingOverdue", "EndEvent_ReplicationOverdue",
                "EndEvent_LiveOverdue", "EndEvent_OfferLive");
        assertThat(driver.steps(id)).filteredOn(StepRecord::overdue).extracting(StepRecord::step)
                .containsExactly(PublishingStep.PACKAGING, PublishingStep.REPLICATION, PublishingStep.LIVE);
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.LIVE);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("overdueSteps").singleResult().getValue())
                .isEqualTo("PACKAGING,REPLICATION,LIVE");
    }

    @Test
    void leadEndpointThatCannotBeReachedGoesBackToThePublisher() {
        Offer offer = TestOffers.create(offers,
                OfferEdits.leads(new LeadManagement.HttpsEndpoint("https://127.0.0.1:1/leads")), SampleImage.image());
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        driver.scan(id);

        assertThat(driver.instance(id)).isWaitingAt("Task_ResolveFindings");
        assertThat(stateOf(id, PublishingStep.PACKAGING)).isEqualTo(StepState.ATTENTION_NEEDED);
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("leadManagement.url", "LeadEndpointReachable"));

        // a resubmission that now fails at step 1 shows step 1's findings only: packaging has not run again
        offers.update(TestOffers.ALICE, offer.offerId(), OfferEdits.previewAudience(List.of()).apply(
                offers.get(TestOffers.ALICE, offer.offerId()).draft()), null);
        publications.resubmit(TestOffers.ALICE, id, "removed the preview audience");
        driver.runJobs(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_ResolveFindings");
        assertThat(repository.findings(id)).extracting(Finding::field, Finding::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("previewAudience", "PreviewAudienceRequired"));
    }

    @Test
    void packagingRunsOutsideJobsAndAFailureBecomesAnIncidentThatSaysWhatToDo() throws Exception {
        String id = driver.start(TestOffers.ALICE, TestOffers.create(offers).offerId());
        driver.runJobs(id);
        assertThat(driver.scanner().workNext("test-worker")).isTrue();
        assertThat(driver.instance(id)).isWaitingAt("Task_PackageImage");
        assertThat(driver.instance(id)).externalTask().hasTopicName("package-image");
        // the certified upload disappears (a disk was wiped) before packaging copies it
        java.nio.file.Files.delete(archives.path(com.offerflow.image.Digest.parse(
                driver.publication(id).snapshot().imageDigest())));

        // the first attempt and offerflow.packaging.worker.retries (5) retries
        for (int attempt = 1; attempt <= 6; attempt++) {
            assertThat(packager.workNextOf("test-worker", id)).as("attempt %d", attempt).isTrue();
        }
        assertThat(packager.workNextOf("test-worker", id)).as("no retries left").isFalse();
        org.camunda.bpm.engine.runtime.Incident incident = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(driver.instanceId(id)).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedExternalTask");
        assertThat(incident.getIncidentMessage()).startsWith("Packaging of publication " + id + " failed: ")
                .endsWith("then set this task's retries in Cockpit to package again.");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.IN_PROGRESS);
        assertThat(driver.instance(id)).isWaitingAt("Task_PackageImage");
    }

    @Test
    void aWorkerThatDiesWithAnErrorLeavesTheTaskToAnIncidentNotLockedForEver() {
        String id = driver.start(TestOffers.ALICE, TestOffers.create(offers).offerId());
        driver.runJobs(id);
        assertThat(driver.scanner().workNext("test-worker")).isTrue();
        ExternalTaskRunner dying = new ExternalTaskRunner(engine.getExternalTaskService(), "package-image",
                "Packaging", "Retry it in Cockpit.",
                new WorkerSettings(true, java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(1), 0,
                        java.time.Duration.ZERO),
                task -> {
                    throw new StackOverflowError("a layer nested too deep");
                });

        assertThat(dying.workNext("test-worker", id)).isTrue();
        org.camunda.bpm.engine.externaltask.ExternalTask task = engine.getExternalTaskService()
                .createExternalTaskQuery().processInstanceId(driver.instanceId(id)).singleResult();
        assertThat(task.getRetries()).isZero();
        assertThat(task.getErrorMessage()).isEqualTo("Packaging of publication " + id
                + " failed: a layer nested too deep. Retry it in Cockpit.");
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(driver.instanceId(id))
                .singleResult().getIncidentType()).isEqualTo("failedExternalTask");
    }

    @Test
    void technicalFailureBecomesAnIncidentThatSaysWhatToDo() throws Exception {
        String id = toPreview();
        publications.goLive(TestOffers.ALICE, id, null);
        driver.runJobNamed(id, "Task_SignOff");
        // the staged package disappears (a disk was wiped): replication cannot find what it copies
        org.springframework.util.FileSystemUtils.deleteRecursively(packages.stagingPath(id));

        String instanceId = driver.instanceId(id);
        org.camunda.bpm.engine.runtime.Job job = engine.getManagementService().createJobQuery()
                .processInstanceId(instanceId).activityId("Task_ReplicateToRegion").list().get(0);
        // R5/PT1M: five attempts, then the retries are used up
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .hasMessageContaining("Replication of publication");
        }
        assertThat(engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isZero();

        org.camunda.bpm.engine.runtime.Incident incident = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(instanceId).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo("failedJob");
        assertThat(incident.getIncidentMessage()).startsWith("Replication of publication " + id + " to region ")
                .contains("has no tag '1.0.0' in staging").endsWith("Check the region's storage, then retry the job in Cockpit.");
        assertThat(driver.publication(id).status()).isEqualTo(PublicationStatus.IN_PROGRESS);
    }

    @Test
    void wholePublicationSlaBreachIsRecorded() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.fire(id, "StartEvent_PublicationOverdue");

        assertThat(driver.publication(id).timeline().overdue()).isTrue();
        assertThat(driver.instance(id)).isActive().variables().containsEntry("slaBreached", true);
    }

    private String toPreview() {
        Offer offer = TestOffers.create(offers);
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        driver.scan(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_SignOff");
        return id;
    }

    /** A publication whose image has a device node: a warning for a certification reviewer. */
    private String toReview() {
        Offer offer = TestOffers.create(offers, UnaryOperator.identity(),
                SampleImage.image().layer(layer -> layer.charDevice("dev/console")));
        String id = driver.start(TestOffers.ALICE, offer.offerId());
        driver.runJobs(id);
        driver.scan(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_ReviewCertification");
        return id;
    }

    private void completeAs(String user, String group, String taskId, Map<String, Object> variables) {
        engine.getIdentityService().setAuthentication(user, List.of(group));
        try {
            engine.getTaskService().complete(taskId, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private long dueIn(String publicationId, String timerActivityId) {
        return (driver.timer(publicationId, timerActivityId).getDuedate().getTime() - System.currentTimeMillis()) / 1000;
    }

    private StepRecord stepOf(String publicationId, PublishingStep step) {
        return driver.steps(publicationId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private StepState stateOf(String publicationId, PublishingStep step) {
        return stepOf(publicationId, step).state();
    }
}
