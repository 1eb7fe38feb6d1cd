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

/** Offers over REST: create, read, edit (drafts), upload the image, read the history. */
@RestController
@RequestMapping("/api/offers")
class OfferController {

    /** The media types an oci-archive upload may declare. */
    static final String OCI_ARCHIVE = "application/x-tar";

    private final OfferService offers;

    OfferController(OfferService offers) {
        this.offers = offers;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferView> create(Caller caller, @Valid @RequestBody OfferDocument draft) {
        Offer offer = offers.create(caller, draft);
        return ResponseEntity.created(URI.create("/api/offers/" + offer.offerId()))
                .eTag(etag(offer)).body(OfferView.of(offer));
    }

    @GetMapping
    List<OfferView> list(Caller caller) {
        return offers.list(caller).stream().map(OfferView::of).toList();
    }

    @GetMapping("/{offerId}")
    ResponseEntity<OfferView> get(Caller caller, @PathVariable String offerId) {
        Offer offer = offers.get(caller, offerId);
        return ResponseEntity.ok().eTag(etag(offer)).body(OfferView.of(offer));
    }

    @PutMapping(path = "/{offerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<OfferView> update(Caller caller, @PathVariable String offerId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OfferDocument draft) {
        Offer offer = offers.update(caller, offerId, draft, revision(ifMatch));
        return ResponseEntity.ok().eTag(etag(offer)).body(OfferView.of(offer));
    }

    /** The body is the oci-archive itself (a tar of an OCI image layout), streamed, never held in memory. */
    @PutMapping(path = "/{offerId}/image", consumes = {OCI_ARCHIVE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    OfferView uploadImage(Caller caller, @PathVariable String offerId, HttpServletRequest request)
            throws IOException {
        return OfferView.of(offers.uploadImage(caller, offerId, request.getInputStream()));
    }

    @GetMapping("/{offerId}/history")
    List<OfferEvent> history(Caller caller, @PathVariable String offerId) {
        return offers.history(caller, offerId);
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
