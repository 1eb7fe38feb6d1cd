package com.offerflow.offer;

import java.time.Instant;

/**
 * An offer of a publisher organisation: its current draft (what the next publication takes), the uploaded image,
 * and which publications are running and live.
 */
public record Offer(
        String offerId,
        String publisherOrg,
        OfferDocument draft,
        int revision,
        OfferImage image,
        String activePublicationId,
        String livePublicationId,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** The uploaded image: an oci-archive by digest, and the tags its index names. */
    public record OfferImage(String archiveDigest, long archiveSize, java.util.List<String> tags, String uploadedBy,
                             Instant uploadedAt) {
    }
}
