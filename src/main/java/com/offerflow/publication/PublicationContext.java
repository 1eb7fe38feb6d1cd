package com.offerflow.publication;

import com.offerflow.offer.OfferDocument;

/**
 * One publication as a step works on it, loaded once by the step's delegate or listener
 * ({@link PublicationContexts#load}): its id, its record, and the offer as submitted, decoded.
 */
public record PublicationContext(String publicationId, Publication publication, OfferDocument offer) {
}
