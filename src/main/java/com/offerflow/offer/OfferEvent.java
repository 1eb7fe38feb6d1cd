package com.offerflow.offer;

import java.time.Instant;

/**
 * One entry of an offer's history: what happened, the publication it concerns (if any), a detail in plain words,
 * who did it (a user id, or {@code offerflow} for what the publishing process did by itself) and when.
 */
public record OfferEvent(Type type, String publicationId, String detail, String actor, Instant occurredAt) {

    public enum Type {
        /** The offer was created (revision 1). */
        CREATED,
        /** A new draft was saved (its revision). */
        EDITED,
        /** An image was uploaded (its digest and tags). */
        IMAGE_UPLOADED,
        /** A publication started with the draft's revision at that moment. */
        PUBLICATION_STARTED,
        /** A publication that needed attention runs again with the draft's current revision. */
        PUBLICATION_RESUBMITTED,
        /** The publisher was reminded to sign off a preview. */
        SIGN_OFF_REMINDER,
        /** A publication ended: LIVE, CANCELLED or EXPIRED, with who decided it. */
        PUBLICATION_ENDED,
        /** The publication's version replaced the live version in the catalog. */
        WENT_LIVE,
        /** The publisher stopped selling: the offer left the catalog. */
        DISTRIBUTION_STOPPED,
        /** The publisher resumed selling: the offer is back in the catalog. */
        DISTRIBUTION_RESUMED
    }
}
