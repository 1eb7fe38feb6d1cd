package com.offerflow.offer;

import com.offerflow.identity.Caller;
import com.offerflow.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.ETag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Offers over REST: create, read, edit (drafts), upload the image, compare the draft with the live version, read
 * the history. Offer ids in paths are validated ({@link OfferId}) before anything is looked up.
 */
@RestController
@RequestMapping("/api/offers")
class OfferController {

    /** The media types an oci-archive upload may declare. */
    static final String OCI_ARCHIVE = "application/x-tar";

    private final OfferService offers;
    private final LiveVersions liveVersions;

    OfferController(OfferService offers, LiveVersions liveVersions) {
        this.offers = offers;
        this.liveVersions = liveVersions;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferView> create(Caller caller, @Valid @RequestBody OfferDocument draft) {
        Offer offer = offers.create(caller, draft);
        return ResponseEntity.created(URI.create("/api/offers/" + offer.offerId()))
                .eTag(etag(offer)).body(view(offer));
    }

    @GetMapping
    List<OfferView> list(Caller caller) {
        return offers.list(caller).stream().map(this::view).toList();
    }

    @GetMapping("/{offerId}")
    ResponseEntity<OfferView> get(Caller caller, @PathVariable @OfferId String offerId) {
        Offer offer = offers.get(caller, offerId);
        return ResponseEntity.ok().eTag(etag(offer)).body(view(offer));
    }

    @PutMapping(path = "/{offerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferView> update(Caller caller, @PathVariable @OfferId String offerId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OfferDocument draft) {
        Offer offer = offers.update(caller, offerId, draft, revision(ifMatch));
        return ResponseEntity.ok().eTag(etag(offer)).body(view(offer));
    }

    /**
     * The body is the oci-archive itself (a tar of an OCI image layout), streamed, never held in memory; a declared
     * length over the limit is refused before the body is read.
     */
    @PutMapping(path = "/{offerId}/image", consumes = {OCI_ARCHIVE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    OfferView uploadImage(Caller caller, @PathVariable @OfferId String offerId, HttpServletRequest request)
            throws IOException {
        return view(offers.uploadImage(caller, offerId, request.getContentLengthLong(),
                request.getInputStream()));
    }

    /** What the current draft changes against the live version: 409 when the offer is not live. */
    @GetMapping("/{offerId}/diff")
    OfferChanges diff(Caller caller, @PathVariable @OfferId String offerId) {
        return offers.changes(caller, offerId);
    }

    @GetMapping("/{offerId}/history")
    List<OfferEvent> history(Caller caller, @PathVariable @OfferId String offerId) {
        return offers.history(caller, offerId);
    }

    /** The offer (which the caller may see) with the distribution of its live version. */
    private OfferView view(Offer offer) {
        return OfferView.of(offer, liveVersions.find(offer.offerId()).orElse(null));
    }

    private static String etag(Offer offer) {
        return ETag.create(Integer.toString(offer.revision())).formattedTag();
    }

    private static Integer revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        List<ETag> tags = ETag.parse(ifMatch);
        if (tags.size() != 1 || tags.get(0).isWildcard()) {
            return null;
        }
        try {
            return Integer.valueOf(tags.get(0).tag());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid-if-match", "If-Match must be the ETag of a GET of the offer.");
        }
    }
}
