package com.offerflow.offer;

import com.offerflow.identity.Caller;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;
import com.offerflow.storage.ImageArchives;
import com.offerflow.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Offers as their publishers create, edit and upload them. A publisher works only on its own organisation's offers;
 * another organisation's offer answers as if it did not exist.
 */
@Service
public class OfferService {

    private static final Logger log = LoggerFactory.getLogger(OfferService.class);

    private final OfferRepository offers;
    private final ImageArchives archives;
    private final OfferImageSettings imageSettings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    OfferService(OfferRepository offers, ImageArchives archives, OfferImageSettings imageSettings,
            TransactionTemplate transaction, Clock clock) {
        this.offers = offers;
        this.archives = archives;
        this.imageSettings = imageSettings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Transactional
    public Offer create(Caller caller, OfferDocument draft) {
        String org = caller.requirePublisherOrg();
        if (offers.exists(draft.offerId())) {
            throw offerExists(draft.offerId());
        }
        Instant now = clock.instant();
        Offer offer = new Offer(draft.offerId(), org, draft, 1, null, null, null, caller.userId(), now, now);
        try {
            offers.insert(offer);
        } catch (DuplicateKeyException e) {
            throw offerExists(draft.offerId());
        }
        offers.addEvent(offer.offerId(), new OfferEvent(OfferEvent.Type.CREATED, null, null, caller.userId(), now));
        return offer;
    }

    @Transactional(readOnly = true)
    public Offer get(Caller caller, String offerId) {
        Offer offer = offers.find(offerId).orElseThrow(() -> ApiException.notFound("Offer", offerId));
        if (!caller.canSee(offer.publisherOrg())) {
            throw ApiException.notFound("Offer", offerId);
        }
        return offer;
    }

    /** The offer, for a caller who acts on it: its own organisation's publisher. */
    @Transactional(readOnly = true)
    public Offer getForUpdate(Caller caller, String offerId) {
        Offer offer = get(caller, offerId);
        if (!caller.canActFor(offer.publisherOrg())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "Only publishers of the offer's organisation can change it.");
        }
        return offer;
    }

    @Transactional(readOnly = true)
    public List<Offer> list(Caller caller) {
        if (caller.isAdmin()) {
            return offers.findAll();
        }
        return caller.publisherOrg().map(offers::findByOrg).orElse(List.of());
    }

    /**
     * Saves a new draft. {@code expectedRevision}, when given (If-Match), must be the stored revision: a stale edit
     * is refused rather than silently overwriting another one.
     */
    @Transactional
    public Offer update(Caller caller, String offerId, OfferDocument draft, Integer expectedRevision) {
        Offer offer = getForUpdate(caller, offerId);
        if (!offer.offerId().equals(draft.offerId())) {
            throw ApiException.badRequest("offer-id-immutable",
                    "The offer id cannot be changed: send offerId '" + offerId + "'.");
        }
        int revision = expectedRevision == null ? offer.revision() : expectedRevision;
        if (offer.livePublicationId() != null) {
            // the repository of a published offer is where customers pull from: it cannot move
            String published = offer.draft().technicalConfiguration().repositoryName();
            if (!Objects.equals(published, draft.technicalConfiguration().repositoryName())) {
                throw ApiException.badRequest("repository-immutable", "The repository name of a published offer"
                        + " cannot be changed: keep '" + published + "'.");
            }
        }
        Instant now = clock.instant();
        if (!offers.updateDraft(offerId, draft, revision, now)) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "stale-revision",
                    "The offer was changed since revision " + revision + "; read it again and reapply your edit.");
        }
        offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.EDITED, null, "revision " + (revision + 1),
                caller.userId(), now));
        return offers.find(offerId).orElseThrow();
    }

    /**
     * Takes an uploaded oci-archive as the offer's image: streamed to disk (bounded), checked to be an OCI image
     * layout, stored by digest. Nothing changes when the archive is refused.
     */
    public Offer uploadImage(Caller caller, String offerId, InputStream body) {
        getForUpdate(caller, offerId);
        DataSize max = imageSettings.maxUploadSize();
        ImageArchives.Upload upload;
        try {
            upload = archives.receive(body, max);
        } catch (ImageArchives.UploadTooLargeException e) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large", e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("upload-failed", "The upload was interrupted; send the archive again.");
        }
        try {
            List<String> tags;
            try (OciArchive archive = OciArchive.open(upload.file(), imageSettings.limits())) {
                tags = archive.tags();
            } catch (InvalidImageException e) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), e.getMessage());
            }
            archives.keep(upload);
            Instant now = clock.instant();
            Offer.OfferImage image = new Offer.OfferImage(upload.digest().toString(), upload.size(), tags,
                    caller.userId(), now);
            return transaction.execute(status -> {
                offers.lock(offerId).orElseThrow(() -> ApiException.notFound("Offer", offerId));
                offers.saveImage(offerId, image);
                offers.addEvent(offerId, new OfferEvent(OfferEvent.Type.IMAGE_UPLOADED, null,
                        image.archiveDigest() + " (" + String.join(", ", tags) + ")", caller.userId(), now));
                return offers.find(offerId).orElseThrow();
            });
        } catch (IOException e) {
            log.error("Cannot store the uploaded image of offer {}", offerId, e);
            throw new ApiException(HttpStatus.INSUFFICIENT_STORAGE, "storage-failed",
                    "The image could not be stored; nothing was changed. Try again later.");
        } finally {
            try {
                upload.discard();
            } catch (IOException e) {
                log.warn("Cannot delete the temporary upload {}", upload.file(), e);
            }
        }
    }

    @Transactional(readOnly = true)
    public List<OfferEvent> history(Caller caller, String offerId) {
        get(caller, offerId);
        return offers.events(offerId);
    }

    private static ApiException offerExists(String offerId) {
        return ApiException.conflict("offer-exists", "An offer with id '" + offerId + "' exists already.");
    }
}
