package com.offerflow.offer;

/**
 * A new draft of an existing offer, next to the offer's id and its live version (null when the offer is not live):
 * what the rules of changing an offer look at. Violations are reported with the draft's field paths.
 */
@OfferIdUnchanged
@RepositoryUnchanged
public record DraftChange(String offerId, OfferDocument draft, OfferDocument live) {
}
