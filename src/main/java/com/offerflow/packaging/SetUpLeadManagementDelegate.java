package com.offerflow.packaging;

import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_SetUpLeadManagement}: connects the offer's lead destination; a refusal is a finding. */
@Component("setUpLeadManagementDelegate")
class SetUpLeadManagementDelegate implements JavaDelegate {

    private final PublicationContexts contexts;
    private final LeadDestinationService leads;

    SetUpLeadManagementDelegate(PublicationContexts contexts, LeadDestinationService leads) {
        this.contexts = contexts;
        this.leads = leads;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublicationContext publication = contexts.load(execution);
        contexts.record(execution, leads.setUp(publication));
    }
}
