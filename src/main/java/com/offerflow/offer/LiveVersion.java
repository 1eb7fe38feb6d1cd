package com.offerflow.offer;

import java.time.Instant;

/**
 * The version of an offer that is live: what its last successful publication published, and whether it is sold
 * (listed in the public catalog) or its distribution is stopped.
 */
public record LiveVersion(String offerId, String publicationId, OfferDocument offer, boolean selling,
                          Instant publishedAt, Instant updatedAt) {
}
