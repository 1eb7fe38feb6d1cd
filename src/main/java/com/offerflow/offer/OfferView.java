package com.offerflow.offer;

import java.time.Instant;

/**
 * An offer as the API shows it: its draft ({@code offer}), image, publications, and whether its live version is
 * sold ({@code distribution}: SELLING or STOPPED; absent while the offer is not live).
 */
record OfferView(
        String offerId,
        String publisherOrg,
        int revision,
        OfferDocument offer,
        Offer.OfferImage image,
        String activePublicationId,
        String livePublicationId,
        String distribution,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static OfferView of(Offer offer, LiveVersion live) {
        return new OfferView(offer.offerId(), offer.publisherOrg(), offer.revision(), offer.draft(), offer.image(),
                offer.activePublicationId(), offer.livePublicationId(),
                live == null ? null : live.selling() ? "SELLING" : "STOPPED", offer.createdBy(), offer.createdAt(),
                offer.updatedAt());
    }
}
