package com.offerflow.publication;

import com.offerflow.engine.TaskInputs;
import com.offerflow.process.ProcessVariables;
import com.offerflow.process.Resolution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ResolveFindings}, from Tasklist or from {@code POST /api/publications/{id}/resubmit}:
 * checks the publisher's answer (Tasklist's form validation runs only in the browser) and hands it to
 * {@link PublicationDecisions}.
 */
@Component("resolveFindingsListener")
class ResolveFindingsListener implements TaskListener {

    private final PublicationDecisions decisions;

    ResolveFindingsListener(PublicationDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        Resolution resolution = TaskInputs.oneOf(task, ProcessVariables.RESOLUTION, Resolution.class);
        String comment = TaskInputs.comment(task, ProcessVariables.RESOLUTION_COMMENT, false);
        decisions.resolved((String) task.getVariable(ProcessVariables.PUBLICATION_ID),
                (String) task.getVariable(ProcessVariables.OFFER_ID), resolution, TaskInputs.actor(task), comment);
    }
}
