package com.offerflow.signoff;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sign-off reminder timer fired ({@code ${signOffReminder.remind(execution)}}): the reminder goes into the
 * offer's history, which the publisher reads over the API, and the log. (No mail server is configured here.)
 */
@Component("signOffReminder")
public class SignOffReminder {

    private static final Logger log = LoggerFactory.getLogger(SignOffReminder.class);

    private final OfferPublications offers;

    SignOffReminder(OfferPublications offers) {
        this.offers = offers;
    }

    public void remind(DelegateExecution execution) {
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        offers.signOffReminder((String) execution.getVariable(ProcessVariables.OFFER_ID), publicationId);
        log.info("Publication {}: reminded {} to sign off the preview", publicationId,
                execution.getVariable(ProcessVariables.PUBLISHER_GROUP));
    }
}
