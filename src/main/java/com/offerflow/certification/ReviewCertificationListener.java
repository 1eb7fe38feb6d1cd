package com.offerflow.certification;

import com.offerflow.engine.TaskInputs;
import com.offerflow.process.ProcessVariables;
import com.offerflow.process.ReviewDecision;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewCertification}: a reviewer accepts the warnings (the image is certified) or sends
 * the image back with a comment, which the publisher sees with the warnings as findings.
 */
@Component("reviewCertificationListener")
class ReviewCertificationListener implements TaskListener {

    private final PublicationContexts contexts;
    private final CertificationService certification;

    ReviewCertificationListener(PublicationContexts contexts, CertificationService certification) {
        this.contexts = contexts;
        this.certification = certification;
    }

    @Override
    public void notify(DelegateTask task) {
        ReviewDecision decision = TaskInputs.oneOf(task, ProcessVariables.REVIEW_DECISION, ReviewDecision.class);
        String comment = TaskInputs.comment(task, ProcessVariables.REVIEW_COMMENT,
                decision == ReviewDecision.SEND_BACK);
        PublicationContext publication = contexts.load(task);
        contexts.record(task.getExecution(), certification.review(publication.publicationId(), decision,
                TaskInputs.actor(task), comment));
    }
}
