package com.offerflow.publication;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.Resolution;
import org.springframework.stereotype.Service;

/**
 * What the publisher's answers to findings do to the publication: a resubmission takes the offer's current draft
 * and image as the publication's new snapshot and resets the steps, so step 1 runs again on what the publisher
 * fixed; a cancellation records who cancelled and why.
 */
@Service
class PublicationDecisions {

    private final PublicationRepository publications;
    private final OfferPublications offers;

    PublicationDecisions(PublicationRepository publications, OfferPublications offers) {
        this.publications = publications;
        this.offers = offers;
    }

    void resolved(String publicationId, String offerId, Resolution resolution, String actor, String comment) {
        if (resolution == Resolution.RESUBMIT) {
            OfferPublications.Snapshot snapshot = offers.resubmit(offerId, publicationId, actor);
            publications.snapshot(publicationId, snapshot.offerJson(), snapshot.revision(), snapshot.imageDigest());
            publications.resetSteps(publicationId, PublishingStep.VALIDATE_PREREQUISITES);
            publications.status(publicationId, PublicationStatus.IN_PROGRESS, PublishingStep.VALIDATE_PREREQUISITES);
        } else {
            publications.outcomeComment(publicationId, "Cancelled by " + actor + (comment.isEmpty() ? "" : ": " + comment));
        }
    }
}
