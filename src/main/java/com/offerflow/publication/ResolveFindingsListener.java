package com.offerflow.publication;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Completion of {@code Task_ResolveFindings}, from Tasklist or from {@code POST /api/publications/{id}/resubmit}:
 * checks the publisher's answer (Tasklist's form validation runs only in the browser) and, for RESUBMIT, takes the
 * offer's current draft and image as the publication's new snapshot and resets the steps, so step 1 runs again on
 * what the publisher fixed.
 */
@Component("resolveFindingsListener")
class ResolveFindingsListener implements TaskListener {

    private final PublicationRepository publications;
    private final OfferPublications offers;

    ResolveFindingsListener(PublicationRepository publications, OfferPublications offers) {
        this.publications = publications;
        this.offers = offers;
    }

    @Override
    public void notify(DelegateTask task) {
        String resolution = TaskInputs.oneOf(task, ProcessVariables.RESOLUTION, Set.of("RESUBMIT", "CANCEL"));
        String comment = TaskInputs.comment(task, ProcessVariables.RESOLUTION_COMMENT, false);
        String publicationId = (String) task.getVariable(ProcessVariables.PUBLICATION_ID);
        String actor = TaskInputs.actor(task);
        if ("RESUBMIT".equals(resolution)) {
            OfferPublications.Snapshot snapshot = offers.resubmit(
                    (String) task.getVariable(ProcessVariables.OFFER_ID), publicationId, actor);
            publications.snapshot(publicationId, snapshot.offerJson(), snapshot.revision(), snapshot.imageDigest());
            publications.resetSteps(publicationId, PublishingStep.VALIDATE_PREREQUISITES);
            publications.status(publicationId, PublicationStatus.IN_PROGRESS, PublishingStep.VALIDATE_PREREQUISITES);
        } else {
            publications.outcomeComment(publicationId, "Cancelled by " + actor + (comment.isEmpty() ? "" : ": " + comment));
        }
    }
}
