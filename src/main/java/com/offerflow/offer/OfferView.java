package com.offerflow.offer;

import java.time.Instant;

/** An offer as the API shows it. */
record OfferView(
        String offerId,
        String publisherOrg,
        int revision,
        OfferDocument offer,
        Offer.OfferImage image,
        String activePublicationId,
        String livePublicationId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static OfferView of(Offer offer) {
        return new OfferView(offer.offerId(), offer.publisherOrg(), offer.revision(), offer.draft(), offer.image(),
                offer.activePublicationId(), offer.livePublicationId(), offer.createdBy(), offer.createdAt(),
                offer.updatedAt());
    }
}
