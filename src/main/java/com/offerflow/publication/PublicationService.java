package com.offerflow.publication;

import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.process.Resolution;
import com.offerflow.process.SignOffDecision;
import com.offerflow.engine.TaskInputs;
import com.offerflow.web.ApiException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What publishers do with publications over the API: start, cancel (until Go live), resubmit after findings, and Go
 * live or reject at sign-off. Go live, reject and resubmit complete the same user tasks that Tasklist shows, as the
 * calling publisher, so Camunda's task authorizations apply to both ways.
 */
@Service
public class PublicationService {

    static final String TASK_SIGN_OFF = "Task_SignOff";
    static final String TASK_RESOLVE_FINDINGS = "Task_ResolveFindings";

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final SlaPolicy sla;
    private final Clock clock;

    PublicationService(PublicationRepository publications, OfferPublications offers, RuntimeService runtimeService,
            TaskService taskService, IdentityService identityService, SlaPolicy sla, Clock clock) {
        this.publications = publications;
        this.offers = offers;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
        this.sla = sla;
        this.clock = clock;
    }

    /** Starts publishing the offer as it is now: 409 while another publication of it runs. */
    @Transactional
    public Publication start(Caller caller, String offerId) {
        String publicationId = UUID.randomUUID().toString();
        OfferPublications.Snapshot snapshot = offers.claim(caller, offerId, publicationId);
        Instant now = clock.instant();
        Publication publication = Publication.started(publicationId, offerId, snapshot.publisherOrg(),
                new Publication.Snapshot(snapshot.offerJson(), snapshot.revision(), snapshot.imageDigest()),
                caller.userId(), now, sla.publicationDueAt(now).toInstant());
        publications.insert(publication);
        // Started by the application, not as the publisher: publishers get no right to start instances, so nobody
        // can start one through /engine-rest with variables of their choosing. The publication records who started.
        ProcessInstance instance = runtimeService
                .createProcessInstanceByKey(ProcessVariables.PROCESS_KEY)
                .businessKey(publicationId)
                .setVariables(Variables.createVariables()
                        .putValue(ProcessVariables.PUBLICATION_ID, publicationId)
                        .putValue(ProcessVariables.OFFER_ID, offerId)
                        .putValue(ProcessVariables.PUBLISHER_GROUP, Groups.publisherGroup(snapshot.publisherOrg()))
                        .putValue(ProcessVariables.PUBLICATION_DUE_AT, sla.publicationDueAt(now)))
                .execute();
        publications.processInstance(publicationId, instance.getId());
        return publications.find(publicationId).orElseThrow();
    }

    /**
     * The publication, for a caller who may see it: a publisher of its organisation, an admin, or a member of one of
     * {@code seeingGroups} (certification reviewers see every report, for instance). Anyone else gets 404, as for a
     * publication that does not exist.
     */
    @Transactional(readOnly = true)
    public Publication get(Caller caller, String publicationId, String... seeingGroups) {
        return publications.find(publicationId)
                .filter(p -> caller.canSee(p.publisherOrg()) || Arrays.stream(seeingGroups).anyMatch(caller.groups()::contains))
                .orElseThrow(() -> ApiException.notFound("Publication", publicationId));
    }

    @Transactional(readOnly = true)
    public List<Publication> ofOffer(String offerId) {
        return publications.findByOffer(offerId);
    }

    @Transactional(readOnly = true)
    public List<StepRecord> steps(String publicationId) {
        return publications.steps(publicationId);
    }

    @Transactional(readOnly = true)
    public List<Finding> findings(String publicationId) {
        return publications.findings(publicationId);
    }

    /** Cancels a publication before Go live; 409 once it went live or ended. */
    @Transactional
    public Publication cancel(Caller caller, String publicationId, String comment) {
        Publication publication = lockForAction(caller, publicationId);
        if (publication.status().isEnded() || publication.timeline().goLiveAt() != null) {
            throw ApiException.conflict("not-cancellable", "Publication " + publicationId + " is "
                    + publication.status() + (publication.timeline().goLiveAt() != null ? " after Go live" : "")
                    + " and can no longer be cancelled.");
        }
        publications.outcomeComment(publicationId, "Cancelled by " + caller.userId()
                + (comment == null || comment.isBlank() ? "" : ": " + comment));
        try {
            runtimeService.createMessageCorrelation(ProcessVariables.MESSAGE_CANCEL)
                    .processInstanceId(publication.processInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // the model takes cancellation only before Go live: it has passed, whatever the read model said
            throw ApiException.conflict("not-cancellable",
                    "Publication " + publicationId + " can no longer be cancelled.");
        }
        return publications.find(publicationId).orElseThrow();
    }

    /** The publisher's Go live on the preview: completes the sign-off task. */
    @Transactional
    public Publication goLive(Caller caller, String publicationId, String comment) {
        return signOff(caller, publicationId, SignOffDecision.GO_LIVE, comment);
    }

    /** The publisher rejects the preview: the publication waits for a fix and a resubmission. */
    @Transactional
    public Publication reject(Caller caller, String publicationId, String comment) {
        return signOff(caller, publicationId, SignOffDecision.REJECT, comment);
    }

    private Publication signOff(Caller caller, String publicationId, SignOffDecision decision, String comment) {
        Publication publication = lockForAction(caller, publicationId);
        if (publication.status() != PublicationStatus.PREVIEW) {
            throw ApiException.conflict("not-in-preview", "Publication " + publicationId + " is "
                    + publication.status() + ": only a publication in PREVIEW can be signed off.");
        }
        complete(caller, publication, TASK_SIGN_OFF, Map.of(
                ProcessVariables.SIGN_OFF_DECISION, decision.name(),
                ProcessVariables.SIGN_OFF_COMMENT, comment == null ? "" : comment));
        return publications.find(publicationId).orElseThrow();
    }

    /** Runs the publication again from step 1 with the offer's current draft and image. */
    @Transactional
    public Publication resubmit(Caller caller, String publicationId, String comment) {
        Publication publication = lockForAction(caller, publicationId);
        if (publication.status() != PublicationStatus.ATTENTION_NEEDED) {
            throw ApiException.conflict("nothing-to-resubmit", "Publication " + publicationId + " is "
                    + publication.status() + ": only a publication that needs attention can be resubmitted.");
        }
        complete(caller, publication, TASK_RESOLVE_FINDINGS, Map.of(
                ProcessVariables.RESOLUTION, Resolution.RESUBMIT.name(),
                ProcessVariables.RESOLUTION_COMMENT, comment == null ? "" : comment));
        return publications.find(publicationId).orElseThrow();
    }

    private void complete(Caller caller, Publication publication, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(publication.processInstanceId())
                .taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw ApiException.conflict("task-not-open", "Publication " + publication.publicationId()
                    + " is not waiting for this decision.");
        }
        try {
            asCaller(caller, () -> {
                taskService.complete(task.getId(), variables);
                return null;
            });
        } catch (ProcessEngineException e) {
            // the task's listener checks the decision (for Tasklist and /engine-rest too); the engine wraps its refusal
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TaskInputs.InvalidTaskInputException invalid) {
                    throw ApiException.badRequest("invalid-decision", invalid.getMessage() + ".");
                }
            }
            throw e;
        }
    }

    private Publication lockForAction(Caller caller, String publicationId) {
        Publication publication = publications.lock(publicationId)
                .orElseThrow(() -> ApiException.notFound("Publication", publicationId));
        if (!caller.canSee(publication.publisherOrg())) {
            throw ApiException.notFound("Publication", publicationId);
        }
        if (!caller.canActFor(publication.publisherOrg())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "Only publishers of the offer's organisation can do this.");
        }
        return publication;
    }

    /** Runs engine calls as the caller, so Camunda's authorizations apply and history names the user. */
    private <T> T asCaller(Caller caller, java.util.function.Supplier<T> work) {
        identityService.setAuthentication(caller.userId(), List.copyOf(caller.groups()));
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
