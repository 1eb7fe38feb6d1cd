package com.offerflow.certification;

import com.offerflow.process.ProcessVariables;
import com.offerflow.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Completion of {@code Task_ReviewCertification}: a reviewer accepts the warnings (the image is certified) or sends
 * the image back with a comment, which the publisher sees with the warnings as findings.
 */
@Component("reviewCertificationListener")
class ReviewCertificationListener implements TaskListener {

    private final CertificationService certification;

    ReviewCertificationListener(CertificationService certification) {
        this.certification = certification;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = TaskInputs.oneOf(task, ProcessVariables.REVIEW_DECISION, Set.of("ACCEPT", "SEND_BACK"));
        boolean accepted = "ACCEPT".equals(decision);
        String comment = TaskInputs.comment(task, ProcessVariables.REVIEW_COMMENT, !accepted);
        if (!accepted) {
            certification.sentBack((String) task.getVariable(ProcessVariables.PUBLICATION_ID), TaskInputs.actor(task),
                    comment);
        }
        task.getExecution().setVariable(ProcessVariables.CERTIFIED, accepted);
    }
}
