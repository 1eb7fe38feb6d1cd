package com.offerflow.signoff;

import com.offerflow.process.ProcessVariables;
import com.offerflow.engine.TaskInputs;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationProgress;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublishingStep;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Completion of {@code Task_SignOff}, from Tasklist or {@code POST /api/publications/{id}/go-live|reject}: Go live
 * is recorded (from then on the publication can no longer be cancelled); a rejection needs a comment, which becomes
 * the publisher's finding.
 */
@Component("signOffListener")
class SignOffListener implements TaskListener {

    private final PublicationRepository publications;
    private final PublicationProgress progress;
    private final Clock clock;

    SignOffListener(PublicationRepository publications, PublicationProgress progress, Clock clock) {
        this.publications = publications;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = TaskInputs.oneOf(task, ProcessVariables.SIGN_OFF_DECISION, Set.of("GO_LIVE", "REJECT"));
        boolean goLive = "GO_LIVE".equals(decision);
        String comment = TaskInputs.comment(task, ProcessVariables.SIGN_OFF_COMMENT, !goLive);
        String publicationId = (String) task.getVariable(ProcessVariables.PUBLICATION_ID);
        String actor = TaskInputs.actor(task);
        if (goLive) {
            progress.goLiveSelected(publicationId, actor, comment);
        } else {
            publications.findings(publicationId, PublishingStep.PUBLISHER_SIGNOFF, List.of(Finding.error(
                    PublishingStep.PUBLISHER_SIGNOFF, "preview", "PreviewRejected",
                    "rejected at sign-off by " + actor + ": " + comment,
                    "Fix the offer or image, then resubmit; the publication runs again from step 1.")),
                    clock.instant());
        }
    }
}
