package com.offerflow.validation;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublishingStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * {@code Task_ValidatePrerequisites}: validates the publication's snapshot, records the findings and the registry
 * image step 1 pinned (if the image comes from a registry).
 */
@Component("validatePrerequisitesDelegate")
class ValidatePrerequisitesDelegate implements JavaDelegate {

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final PrerequisiteValidator validator;
    private final Clock clock;

    ValidatePrerequisitesDelegate(PublicationRepository publications, OfferPublications offers,
            PrerequisiteValidator validator, Clock clock) {
        this.publications = publications;
        this.offers = offers;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        Publication publication = publications.find(publicationId).orElseThrow(() ->
                new IllegalStateException("Publication " + publicationId + " is missing from the publication table"));
        PrerequisiteValidator.Result result = validator.validate(offers.read(publication.offerSnapshot()),
                publication.imageDigest(), publication.publisherOrg());
        publications.findings(publicationId, PublishingStep.VALIDATE_PREREQUISITES, result.findings(),
                clock.instant());
        publications.pinnedImage(publicationId, result.pinnedImage());
        execution.setVariable(ProcessVariables.PREREQUISITES_MET, result.passed());
    }
}
