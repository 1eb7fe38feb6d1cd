package com.offerflow.replication;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** {@code Task_ReplicateToRegion}, once per region: copies the package to {@code ${region}}. */
@Component("replicateToRegionDelegate")
class ReplicateToRegionDelegate implements JavaDelegate {

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final ReplicationService replication;

    ReplicateToRegionDelegate(PublicationRepository publications, OfferPublications offers,
            ReplicationService replication) {
        this.publications = publications;
        this.offers = offers;
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        String region = (String) execution.getVariable(ProcessVariables.REGION);
        Publication publication = publications.find(publicationId).orElseThrow();
        try {
            replication.replicate(publicationId, offers.read(publication.offerSnapshot()), region);
        } catch (IOException e) {
            throw new ReplicationFailedException("Replication of publication " + publicationId + " to region "
                    + region + " failed: " + e.getMessage() + ". Check the region's storage, then retry the job"
                    + " in Cockpit.", e);
        }
    }

    /** A technical failure of replication, with a message an operator can act on in Cockpit. */
    static class ReplicationFailedException extends RuntimeException {

        ReplicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
