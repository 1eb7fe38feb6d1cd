package com.offerflow.live;

import com.offerflow.identity.Caller;
import com.offerflow.offer.LiveVersion;
import com.offerflow.offer.OfferId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * Stopping and resuming the distribution of a live offer, by a publisher of its organisation. A stopped offer
 * leaves the public catalog; the regions keep serving its image, so existing customers keep pulling it.
 */
@RestController
@RequestMapping("/api/offers/{offerId}")
class DistributionController {

    private final CatalogService catalog;

    DistributionController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/stop-selling")
    Distribution stopSelling(Caller caller, @PathVariable @OfferId String offerId) {
        return Distribution.of(catalog.stopSelling(caller, offerId));
    }

    @PostMapping("/resume-selling")
    Distribution resumeSelling(Caller caller, @PathVariable @OfferId String offerId) {
        return Distribution.of(catalog.resumeSelling(caller, offerId));
    }

    /** Whether the live version of an offer is sold. */
    record Distribution(String offerId, String livePublicationId, String distribution, Instant updatedAt) {

        static Distribution of(LiveVersion live) {
            return new Distribution(live.offerId(), live.publicationId(), live.selling() ? "SELLING" : "STOPPED",
                    live.updatedAt());
        }
    }
}
