package com.offerflow.prerequisites;

import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_ValidatePrerequisites}: validates the publication's snapshot, records the findings and the registry
 * image step 1 pinned (if the image comes from a registry).
 */
@Component("validatePrerequisitesDelegate")
class ValidatePrerequisitesDelegate implements JavaDelegate {

    private final PublicationContexts contexts;
    private final PrerequisiteValidator validator;

    ValidatePrerequisitesDelegate(PublicationContexts contexts, PrerequisiteValidator validator) {
        this.contexts = contexts;
        this.validator = validator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublicationContext publication = contexts.load(execution);
        PrerequisiteValidator.Result result = validator.validate(publication);
        contexts.pinnedImage(publication.publicationId(), result.pinnedImage());
        contexts.record(execution, result.outcome());
    }
}
