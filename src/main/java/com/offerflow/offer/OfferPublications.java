package com.offerflow.offer;

import com.offerflow.identity.Caller;
import com.offerflow.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * What publications need of offers: claiming the offer for one running publication at a time, snapshots of what is
 * submitted, and the offer's history of publications. Runs inside the caller's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class OfferPublications {

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

    /** The publication ended (live, cancelled, expired): the offer can be published again. */
    public void ended(String offerId, String publicationId, String outcome) {
        Instant now = clock.instant();
        offers.releaseActivePublication(offerId, publicationId);
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.PUBLICATION_ENDED, publicationId, outcome, null, now));
    }

    /** The publisher was reminded to sign off the preview. */
    public void signOffReminder(String offerId, String publicationId) {
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.SIGN_OFF_REMINDER, publicationId,
                "the preview waits for Go live", null, clock.instant()));
    }

    /** The publication's version of the offer went live. */
    public void wentLive(String offerId, String publicationId) {
        offers.livePublication(offerId, publicationId);
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.WENT_LIVE, publicationId, null, null, clock.instant()));
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public OfferDocument read(String snapshot) {
        return offers.readDocument(snapshot);
    }

    private Snapshot snapshot(Offer offer) {
        return new Snapshot(offers.write(offer.draft()), offer.revision(),
                offer.image() == null ? null : offer.image().archiveDigest(), offer.publisherOrg());
    }

    /** The offer as submitted: its draft (JSON), revision and image digest (null when none was uploaded). */
    public record Snapshot(String offerJson, int revision, String imageDigest, String publisherOrg) {
    }
}
