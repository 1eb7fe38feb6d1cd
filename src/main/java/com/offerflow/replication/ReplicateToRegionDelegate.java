package com.offerflow.replication;

import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** {@code Task_ReplicateToRegion}, once per region: copies the package to {@code ${region}}. */
@Component("replicateToRegionDelegate")
class ReplicateToRegionDelegate implements JavaDelegate {

    private final PublicationContexts contexts;
    private final ReplicationService replication;

    ReplicateToRegionDelegate(PublicationContexts contexts, ReplicationService replication) {
        this.contexts = contexts;
        this.replication = replication;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublicationContext publication = contexts.load(execution);
        String region = (String) execution.getVariable(ProcessVariables.REGION);
        try {
            replication.replicate(publication.publicationId(), publication.offer(), region);
        } catch (IOException e) {
            throw new ReplicationFailedException("Replication of publication " + publication.publicationId()
                    + " to region " + region + " failed: " + e.getMessage() + ". Check the region's storage, then"
                    + " retry the job in Cockpit.", e);
        }
    }

}
