package com.offerflow.packaging;

import com.offerflow.offer.OfferDocument;
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
import java.util.Optional;

/** {@code Task_SetUpLeadManagement}: connects the offer's lead destination; a refusal is a finding. */
@Component("setUpLeadManagementDelegate")
class SetUpLeadManagementDelegate implements JavaDelegate {

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final LeadDestinationService leads;
    private final Clock clock;

    SetUpLeadManagementDelegate(PublicationRepository publications, OfferPublications offers,
            LeadDestinationService leads, Clock clock) {
        this.publications = publications;
        this.offers = offers;
        this.leads = leads;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        Publication publication = publications.find(publicationId).orElseThrow();
        OfferDocument offer = offers.read(publication.offerSnapshot());
        Optional<Finding> refused = leads.connect(publicationId, offer.offerId(), offer.leadManagement());
        publications.findings(publicationId, PublishingStep.PACKAGING, refused.stream().toList(), clock.instant());
        execution.setVariable(ProcessVariables.PACKAGED, refused.isEmpty());
    }
}
