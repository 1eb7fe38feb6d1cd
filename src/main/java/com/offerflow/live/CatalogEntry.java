package com.offerflow.live;

import com.offerflow.offer.OfferDocument;

import java.time.Instant;
import java.util.List;

/** The live version of an offer, as the public catalog serves it. */
record CatalogEntry(String offerId, String publisherOrg, String publicationId, OfferDocument offer,
                    String packageDigest, List<String> regions, Distribution distribution, Instant publishedAt,
                    Instant updatedAt) {

    enum Distribution {
        /** Listed in the catalog and sold. */
        SELLING,
        /** Not listed any more; existing customers keep pulling from the regions. */
        STOPPED
    }
}
