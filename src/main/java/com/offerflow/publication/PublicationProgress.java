package com.offerflow.publication;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.process.SignOffDecision;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps the publisher's read model (publication status, steps, overdue flags) in step with the process. Called from
 * {@code PublishContainerOffer.bpmn}'s execution listeners as bean {@code progress}, e.g.
 * {@code ${progress.stepStarted(execution, 'CERTIFICATION')}} (the expression language turns the name into the
 * {@link PublishingStep}; {@code PublishContainerOfferModelTest} checks every name the model uses), inside the engine's transaction: the read model and
 * the process move together or not at all.
 */
@Component("progress")
public class PublicationProgress {

    private static final Logger log = LoggerFactory.getLogger(PublicationProgress.class);

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final SlaPolicy sla;
    private final Clock clock;

    PublicationProgress(PublicationRepository publications, OfferPublications offers, SlaPolicy sla, Clock clock) {
        this.publications = publications;
        this.offers = offers;
        this.sla = sla;
        this.clock = clock;
    }

    public void stepStarted(DelegateExecution execution, PublishingStep step) {
        String publicationId = publicationId(execution);
        publications.stepStarted(publicationId, step, sla.expected(step).orElse(null), clock.instant());
        publications.status(publicationId,
                step == PublishingStep.PUBLISHER_SIGNOFF ? PublicationStatus.PREVIEW : PublicationStatus.IN_PROGRESS,
                step);
    }

    /**
     * A step ended: COMPLETED when its outcome variable says so, ATTENTION_NEEDED when not, STOPPED when the
     * publication was cancelled or expired under it.
     */
    public void stepEnded(DelegateExecution execution, PublishingStep step) {
        StepState state;
        if (execution.isCanceled()) {
            state = StepState.STOPPED;
        } else {
            state = succeeded(execution, step) ? StepState.COMPLETED : StepState.ATTENTION_NEEDED;
        }
        publications.stepEnded(publicationId(execution), step, state, clock.instant());
    }

    private static boolean succeeded(DelegateExecution execution, PublishingStep step) {
        return switch (step) {
            case VALIDATE_PREREQUISITES -> Boolean.TRUE.equals(execution.getVariable(ProcessVariables.PREREQUISITES_MET));
            case CERTIFICATION -> Boolean.TRUE.equals(execution.getVariable(ProcessVariables.CERTIFIED));
            case PACKAGING -> Boolean.TRUE.equals(execution.getVariable(ProcessVariables.PACKAGED));
            case PUBLISHER_SIGNOFF -> SignOffDecision.GO_LIVE.name()
                    .equals(execution.getVariable(ProcessVariables.SIGN_OFF_DECISION));
            case REPLICATION, LIVE -> true;
        };
    }

    /** A step's non-interrupting SLA timer fired: the step is flagged overdue, for the publisher and in Cockpit. */
    public void stepOverdue(DelegateExecution execution, PublishingStep step) {
        String publicationId = publicationId(execution);
        publications.stepOverdue(publicationId, step);
        Set<String> overdue = new LinkedHashSet<>();
        Object earlier = execution.getVariable(ProcessVariables.OVERDUE_STEPS);
        if (earlier instanceof String text && !text.isBlank()) {
            overdue.addAll(java.util.Arrays.asList(text.split(",")));
        }
        overdue.add(step.name());
        execution.setVariable(ProcessVariables.OVERDUE_STEPS, String.join(",", overdue));
        log.warn("Publication {}: step {} is overdue (expected {})", publicationId, step,
                sla.expected(step).orElse(null));
    }

    /** The whole publication's SLA (business days) is broken. */
    public void publicationOverdue(DelegateExecution execution) {
        String publicationId = publicationId(execution);
        publications.publicationOverdue(publicationId);
        execution.setVariable(ProcessVariables.SLA_BREACHED, true);
        log.warn("Publication {} is past its due date", publicationId);
    }

    /** The publication waits for the publisher to fix findings and resubmit, or cancel. */
    public void attentionNeeded(DelegateExecution execution) {
        publications.status(publicationId(execution), PublicationStatus.ATTENTION_NEEDED);
    }

    /** The publisher selected Go live: from now on the publication cannot be cancelled. */
    public void goLiveSelected(String publicationId, String actor, String comment) {
        publications.goLive(publicationId, clock.instant(),
                "Go live selected by " + actor + (comment == null || comment.isBlank() ? "" : ": " + comment));
    }

    /** The publication ended: LIVE, CANCELLED or EXPIRED. */
    public void ended(DelegateExecution execution, PublicationStatus status) {
        String publicationId = publicationId(execution);
        Instant now = clock.instant();
        if (status != PublicationStatus.LIVE) {
            publications.stopRunningSteps(publicationId, now);
        }
        publications.ended(publicationId, status, now);
        offers.ended((String) execution.getVariable(ProcessVariables.OFFER_ID), publicationId, status.name(),
                publications.find(publicationId).map(p -> p.timeline().outcomeComment()).orElse(null));
        log.info("Publication {} ended: {}", publicationId, status);
    }

    private static String publicationId(DelegateExecution execution) {
        return (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
    }
}
