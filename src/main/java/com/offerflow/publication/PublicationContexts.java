package com.offerflow.publication;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The steps' way into the publication, from their delegates, listeners and workers: load a
 * {@link PublicationContext} once, and record what the step's service returns. The read model is written here and
 * by the publication's own listeners only, inside the engine's transaction, so the read model and the process move
 * together or not at all.
 */
@Component
public class PublicationContexts {

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final Clock clock;

    PublicationContexts(PublicationRepository publications, OfferPublications offers, Clock clock) {
        this.publications = publications;
        this.offers = offers;
        this.clock = clock;
    }

    /** The publication the execution or task runs ({@code publicationId}). */
    public PublicationContext load(VariableScope scope) {
        return load((String) scope.getVariable(ProcessVariables.PUBLICATION_ID));
    }

    public PublicationContext load(String publicationId) {
        Publication publication = publications.find(publicationId).orElseThrow(() -> new IllegalStateException(
                "Publication " + publicationId + " is missing from the publication table"));
        return new PublicationContext(publicationId, publication, offers.read(publication.snapshot().offerJson()));
    }

    /** Records the step's findings for its current attempt and sets its outcome's variables on {@code scope}. */
    public void record(VariableScope scope, StepOutcome outcome) {
        String publicationId = (String) scope.getVariable(ProcessVariables.PUBLICATION_ID);
        publications.findings(publicationId, outcome.step(), outcome.findings(), clock.instant());
        scope.setVariables(outcome.variables());
    }

    /** The registry image step 1 pinned (null: none, for an uploaded image or when step 1 had findings). */
    public void pinnedImage(String publicationId, String pinnedImage) {
        publications.pinnedImage(publicationId, pinnedImage);
    }

    /** How far the certification scan has read the image. */
    public void scanProgress(String publicationId, long bytesScanned, long bytesTotal) {
        publications.scanProgress(publicationId, bytesScanned, bytesTotal);
    }

    /** The package step 3 staged, recorded in the transaction that completes its task. */
    public void packaged(String publicationId, String packageDigest) {
        publications.packageDigest(publicationId, packageDigest);
    }
}
