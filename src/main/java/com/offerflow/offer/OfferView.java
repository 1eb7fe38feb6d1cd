package com.offerflow.offer;

import java.time.Instant;

/**
 * An offer as the API shows it: its draft ({@code offer}), the uploaded image, where the next publication takes its
 * image from ({@code imageSource}: the registry repository the technical configuration names, else the uploaded
 * archive; absent when there is neither), publications, and whether its live version is sold ({@code distribution}:
 * SELLING or STOPPED; absent while the offer is not live).
 */
record OfferView(
        String offerId,
        String publisherOrg,
        int revision,
        OfferDocument offer,
        Offer.OfferImage image,
        ImageSourceView imageSource,
        String activePublicationId,
        String livePublicationId,
        String distribution,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    static OfferView of(Offer offer, LiveVersion live) {
        return new OfferView(offer.offerId(), offer.publisherOrg(), offer.revision(), offer.draft(), offer.image(),
                ImageSourceView.of(offer), offer.activePublicationId(), offer.livePublicationId(),
                live == null ? null : live.selling() ? "SELLING" : "STOPPED", offer.createdBy(), offer.createdAt(),
                offer.updatedAt());
    }

    /**
     * Where a publication of the offer takes its image from: {@code REGISTRY} with the repository (pulled when the
     * publication starts, pinned to the digest its tags name), or {@code UPLOAD} with the archive's digest.
     */
    record ImageSourceView(String type, String location) {

        static ImageSourceView of(Offer offer) {
            String registry = offer.draft().technicalConfiguration() == null ? null
                    : offer.draft().technicalConfiguration().registryRepository();
            if (registry != null) {
                return new ImageSourceView("REGISTRY", registry);
            }
            return offer.image() == null ? null : new ImageSourceView("UPLOAD", offer.image().archiveDigest());
        }
    }
}
