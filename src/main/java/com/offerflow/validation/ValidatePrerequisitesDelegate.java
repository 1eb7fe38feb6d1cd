package com.offerflow.validation;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.Finding;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublishingStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/** {@code Task_ValidatePrerequisites}: validates the publication's snapshot, records the findings. */
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
        List<Finding> findings = validator.validate(offers.read(publication.offerSnapshot()), publication.imageDigest());
        publications.findings(publicationId, PublishingStep.VALIDATE_PREREQUISITES, findings, clock.instant());
        execution.setVariable(ProcessVariables.PREREQUISITES_MET, findings.isEmpty());
    }
}
