package com.offerflow.signoff;

import com.offerflow.engine.TaskInputs;
import com.offerflow.process.ProcessVariables;
import com.offerflow.process.SignOffDecision;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_SignOff}, from Tasklist or {@code POST /api/publications/{id}/go-live|reject}: checks
 * the decision (a rejection needs a comment) and hands it to {@link SignOffService}.
 */
@Component("signOffListener")
class SignOffListener implements TaskListener {

    private final PublicationContexts contexts;
    private final SignOffService signOff;

    SignOffListener(PublicationContexts contexts, SignOffService signOff) {
        this.contexts = contexts;
        this.signOff = signOff;
    }

    @Override
    public void notify(DelegateTask task) {
        SignOffDecision decision = TaskInputs.oneOf(task, ProcessVariables.SIGN_OFF_DECISION, SignOffDecision.class);
        String comment = TaskInputs.comment(task, ProcessVariables.SIGN_OFF_COMMENT,
                decision == SignOffDecision.REJECT);
        PublicationContext publication = contexts.load(task);
        contexts.record(task.getExecution(), signOff.decide(publication.publicationId(), decision,
                TaskInputs.actor(task), comment));
    }
}
