package com.offerflow.offer;

import java.time.Instant;

/** One entry of an offer's history. */
public record OfferEvent(Type type, String publicationId, String detail, String actor, Instant occurredAt) {

    public enum Type {
        CREATED,
        EDITED,
        IMAGE_UPLOADED,
        PUBLICATION_STARTED,
        PUBLICATION_RESUBMITTED,
        SIGN_OFF_REMINDER,
        PUBLICATION_ENDED,
        WENT_LIVE,
        DISTRIBUTION_STOPPED,
        DISTRIBUTION_RESUMED
    }
}
