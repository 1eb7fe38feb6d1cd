package com.offerflow.live;

import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** {@code Task_PublishOffer}: the offer goes live in the public catalog. */
@Component("publishOfferDelegate")
class PublishOfferDelegate implements JavaDelegate {

    private final PublicationContexts contexts;
    private final CatalogService catalog;

    PublishOfferDelegate(PublicationContexts contexts, CatalogService catalog) {
        this.contexts = contexts;
        this.catalog = catalog;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublicationContext publication = contexts.load(execution);
        try {
            catalog.publish(publication);
        } catch (IOException e) {
            throw new IllegalStateException("Publication " + publication.publicationId() + " cannot go live: "
                    + e.getMessage() + ". Check replication to that region, then retry the job in Cockpit.", e);
        }
    }
}
