package com.offerflow.offer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.identity.Caller;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;
import com.offerflow.storage.ImageArchives;
import com.offerflow.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
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
import java.util.Set;

/**
 * Offers as their publishers create, edit and upload them, and compare with what is live. A publisher works only on
 * its own organisation's offers; another organisation's offer answers as if it did not exist. Every change is
 * recorded in the offer's history with who made it and when.
 */
@Service
public class OfferService {

    private static final Logger log = LoggerFactory.getLogger(OfferService.class);

    private final OfferRepository offers;
    private final ImageArchives archives;
    private final OfferImageSettings imageSettings;
    private final TransactionTemplate transaction;
    private final LiveVersions liveVersions;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;

    OfferService(OfferRepository offers, ImageArchives archives, OfferImageSettings imageSettings,
            TransactionTemplate transaction, LiveVersions liveVersions, Validator validator, ObjectMapper json,
            Clock clock) {
        this.offers = offers;
        this.archives = archives;
        this.imageSettings = imageSettings;
        this.transaction = transaction;
        this.liveVersions = liveVersions;
        this.validator = validator;
        this.json = json;
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
        offers.addEvent(offer.offerId(), new OfferEvent(OfferEvent.Type.CREATED, null, "revision 1", caller.userId(),
                now));
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
     * is refused rather than silently overwriting another one. The offer id never changes, and once the offer is
     * live neither does its repository name ({@link DraftChange}): both answer as invalid fields.
     */
    @Transactional
    public Offer update(Caller caller, String offerId, OfferDocument draft, Integer expectedRevision) {
        Offer offer = getForUpdate(caller, offerId);
        OfferDocument live = liveVersions.find(offerId).map(LiveVersion::offer).orElse(null);
        Set<ConstraintViolation<DraftChange>> violations = validator.validate(new DraftChange(offerId, draft, live));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        int revision = expectedRevision == null ? offer.revision() : expectedRevision;
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
     * What the current draft changes against the live version.
     *
     * @throws ApiException 404 for an offer the caller cannot see, 409 when the offer has no live version
     */
    @Transactional(readOnly = true)
    public OfferChanges changes(Caller caller, String offerId) {
        Offer offer = get(caller, offerId);
        LiveVersion live = liveVersions.find(offerId).orElseThrow(() -> ApiException.conflict("not-live",
                "Offer '" + offerId + "' has no live version to compare with; publish it first."));
        return new OfferChanges(offerId, live.publicationId(), offer.revision(),
                OfferChanges.between(json.valueToTree(live.offer()), json.valueToTree(offer.draft())));
    }

    /**
     * Takes an uploaded oci-archive as the offer's image: streamed to disk (bounded), checked to be an OCI image
     * layout, stored by digest. Nothing changes when the archive is refused.
     */
    public Offer uploadImage(Caller caller, String offerId, InputStream body) {
        return uploadImage(caller, offerId, -1, body);
    }

    /**
     * As {@link #uploadImage(Caller, String, InputStream)}, with the size the request declares (-1 when unknown):
     * a declared size over the limit is refused before anything is read.
     */
    public Offer uploadImage(Caller caller, String offerId, long declaredSize, InputStream body) {
        getForUpdate(caller, offerId);
        DataSize max = imageSettings.maxUploadSize();
        if (declaredSize > max.toBytes()) {
            throw imageTooLarge(max);
        }
        ImageArchives.Upload upload;
        try {
            upload = archives.receive(body, max);
        } catch (ImageArchives.UploadTooLargeException e) {
            throw imageTooLarge(max);
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

    private static ApiException imageTooLarge(DataSize max) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large",
                "The image archive is larger than the maximum of " + max.toMegabytes() + " MB.");
    }

    private static ApiException offerExists(String offerId) {
        return ApiException.conflict("offer-exists", "An offer with id '" + offerId + "' exists already.");
    }
}
