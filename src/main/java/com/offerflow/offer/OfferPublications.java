package com.offerflow.offer;

import com.offerflow.identity.Caller;
import com.offerflow.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * What publications and the catalog need of offers: claiming the offer for one running publication at a time,
 * snapshots of what is submitted, and the offer's history of publications and distribution. Runs inside the
 * caller's transaction. Events the process records by itself name {@link #SYSTEM_ACTOR} as their actor.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class OfferPublications {

    /** The actor of the events that the publishing process records by itself (a timer, step 6). */
    public static final String SYSTEM_ACTOR = "offerflow";

    private final OfferService offerService;
    private final OfferRepository offers;
    private final Clock clock;

    OfferPublications(OfferService offerService, OfferRepository offers, Clock clock) {
        this.offerService = offerService;
        this.offers = offers;
        this.clock = clock;
    }

    /**
     * Claims the offer for a new publication and returns what it submits.
     *
     * @throws ApiException 404 for an offer the caller cannot see, 403 for one it cannot publish, 409 while another
     *                      publication of the offer runs
     */
    public Snapshot claim(Caller caller, String offerId, String publicationId) {
        offerService.getForUpdate(caller, offerId);
        Offer offer = offers.lock(offerId).orElseThrow(() -> ApiException.notFound("Offer", offerId));
        if (!offers.claimActivePublication(offerId, publicationId)) {
            throw ApiException.conflict("publication-in-progress", "Publication " + offer.activePublicationId()
                    + " of offer '" + offerId + "' is still in progress; wait for it to end or cancel it.");
        }
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.PUBLICATION_STARTED, publicationId,
                "revision " + offer.revision(), caller.userId(), clock.instant()));
        return snapshot(offer);
    }

    /** What a resubmission submits: the offer's current draft and image. */
    public Snapshot resubmit(String offerId, String publicationId, String actor) {
        Offer offer = offers.lock(offerId).orElseThrow(() -> ApiException.notFound("Offer", offerId));
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.PUBLICATION_RESUBMITTED, publicationId,
                "revision " + offer.revision(), actor, clock.instant()));
        return snapshot(offer);
    }

    /**
     * The publication ended (live, cancelled, expired): the offer can be published again.
     *
     * @param outcome the publication's final status
     * @param comment who decided it and why, e.g. "Cancelled by alice: wrong plan" (null when nobody did)
     */
    public void ended(String offerId, String publicationId, String outcome, String comment) {
        Instant now = clock.instant();
        offers.releaseActivePublication(offerId, publicationId);
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.PUBLICATION_ENDED, publicationId,
                comment == null || comment.isBlank() ? outcome : outcome + ": " + comment, SYSTEM_ACTOR, now));
    }

    /** The publisher was reminded to sign off the preview. */
    public void signOffReminder(String offerId, String publicationId) {
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.SIGN_OFF_REMINDER, publicationId,
                "the preview waits for Go live", SYSTEM_ACTOR, clock.instant()));
    }

    /** The publication's version of the offer went live, replacing the earlier live version (if any). */
    public void wentLive(String offerId, String publicationId, String detail) {
        offers.livePublication(offerId, publicationId);
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.WENT_LIVE, publicationId, detail, SYSTEM_ACTOR,
                clock.instant()));
    }

    /** The publisher stopped (or resumed) the distribution of the live version. */
    public void distribution(String offerId, String publicationId, boolean selling, String actor) {
        offers.addEvent(offerId, new OfferEvent(
                selling ? OfferEvent.Type.DISTRIBUTION_RESUMED : OfferEvent.Type.DISTRIBUTION_STOPPED, publicationId,
                selling ? "listed in the catalog again" : "removed from the catalog; the regions keep serving the image",
                actor, clock.instant()));
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public OfferDocument read(String snapshot) {
        return offers.readDocument(snapshot);
    }

    /** The draft and the uploaded image, unless the draft names a registry to pull the image from instead. */
    private Snapshot snapshot(Offer offer) {
        boolean fromRegistry = offer.draft().technicalConfiguration() != null
                && offer.draft().technicalConfiguration().registryRepository() != null;
        return new Snapshot(offers.write(offer.draft()), offer.revision(),
                offer.image() == null || fromRegistry ? null : offer.image().archiveDigest(), offer.publisherOrg());
    }

    /**
     * The offer as submitted: its draft (JSON), revision and the uploaded image's digest (null when none was
     * uploaded, or when the draft names a registry repository: step 1 pins the registry's image then).
     */
    public record Snapshot(String offerJson, int revision, String imageDigest, String publisherOrg) {
    }
}
