package com.offerflow.live;

import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** {@code Task_PublishOffer}: the offer goes live in the public catalog. */
@Component("publishOfferDelegate")
class PublishOfferDelegate implements JavaDelegate {

    private final CatalogService catalog;

    PublishOfferDelegate(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        try {
            catalog.publish(publicationId);
        } catch (IOException e) {
            throw new IllegalStateException("Publication " + publicationId + " cannot go live: " + e.getMessage()
                    + ". Check replication to that region, then retry the job in Cockpit.", e);
        }
    }
}
