package com.offerflow.live;

import com.offerflow.identity.Caller;
import com.offerflow.offer.LiveVersion;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.OfferPublications;
import com.offerflow.offer.OfferService;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationContext;
import com.offerflow.replication.Regions;
import com.offerflow.replication.ReplicationPlan;
import com.offerflow.replication.ReplicationService;
import com.offerflow.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Step 6 and the public catalog: an offer goes live once every required region serves its package under every
 * tag; its entry then replaces the earlier live version (which stayed public until this moment) and keeps its
 * distribution: a stopped offer stays stopped until its publisher resumes selling it.
 */
@Service
public class CatalogService {

    private final CatalogRepository catalog;
    private final OfferPublications offers;
    private final OfferService offerService;
    private final ReplicationService replication;
    private final Regions regions;
    private final Clock clock;

    CatalogService(CatalogRepository catalog, OfferPublications offers, OfferService offerService,
            ReplicationService replication, Regions regions, Clock clock) {
        this.catalog = catalog;
        this.offers = offers;
        this.offerService = offerService;
        this.replication = replication;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Publishes the publication's version of the offer.
     *
     * @throws IOException when a region does not serve the package (a technical failure: retried, then an incident)
     */
    @Transactional
    public void publish(PublicationContext live) throws IOException {
        String publicationId = live.publicationId();
        Publication publication = live.publication();
        OfferDocument offer = live.offer();
        List<String> required = ReplicationPlan.requiredRegions(offer, regions);
        for (String region : required) {
            replication.verify(publicationId, offer, region);
        }
        Instant now = clock.instant();
        catalog.upsert(new CatalogEntry(publication.offerId(), publication.publisherOrg(), publicationId, offer,
                publication.results().packageDigest(), required, CatalogEntry.Distribution.SELLING, now, now));
        offers.wentLive(publication.offerId(), publicationId, "revision " + publication.snapshot().revision()
                + " is live in " + String.join(", ", required));
    }

    /**
     * Stops selling the live offer: it leaves the public catalog, while the regions keep serving its image to the
     * customers who have it.
     *
     * @throws ApiException 404/403 as for editing the offer, 409 when it is not live or already stopped
     */
    @Transactional
    public LiveVersion stopSelling(Caller caller, String offerId) {
        return distribution(caller, offerId, CatalogEntry.Distribution.STOPPED);
    }

    /** Sells the live offer again: it is back in the public catalog. 409 when it is not live or already sold. */
    @Transactional
    public LiveVersion resumeSelling(Caller caller, String offerId) {
        return distribution(caller, offerId, CatalogEntry.Distribution.SELLING);
    }

    private LiveVersion distribution(Caller caller, String offerId, CatalogEntry.Distribution distribution) {
        offerService.getForUpdate(caller, offerId);
        CatalogEntry entry = catalog.lock(offerId).orElseThrow(() -> ApiException.conflict("not-live",
                "Offer '" + offerId + "' is not live: only a live offer is sold or stopped."));
        if (entry.distribution() == distribution) {
            throw distribution == CatalogEntry.Distribution.STOPPED
                    ? ApiException.conflict("already-stopped", "Offer '" + offerId + "' is stopped already.")
                    : ApiException.conflict("already-selling", "Offer '" + offerId + "' is sold already.");
        }
        catalog.distribution(offerId, distribution, clock.instant());
        offers.distribution(offerId, entry.publicationId(), distribution == CatalogEntry.Distribution.SELLING,
                caller.userId());
        return CatalogLiveVersions.liveVersion(catalog.find(offerId).orElseThrow());
    }

    @Transactional(readOnly = true)
    public List<CatalogEntry> selling() {
        return catalog.findSelling();
    }

    @Transactional(readOnly = true)
    public Optional<CatalogEntry> find(String offerId) {
        return catalog.find(offerId);
    }
}
