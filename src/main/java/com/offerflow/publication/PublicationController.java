package com.offerflow.publication;

import com.offerflow.identity.Caller;
import com.offerflow.offer.OfferService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Publications over REST: start one, follow it, and act on it (Go live, reject, resubmit, cancel). */
@RestController
class PublicationController {

    private final PublicationService publications;
    private final OfferService offers;
    private final SlaPolicy sla;
    private final Clock clock;

    PublicationController(PublicationService publications, OfferService offers, SlaPolicy sla, Clock clock) {
        this.publications = publications;
        this.offers = offers;
        this.sla = sla;
        this.clock = clock;
    }

    @PostMapping("/api/offers/{offerId}/publications")
    ResponseEntity<PublicationView> start(Caller caller, @PathVariable String offerId) {
        Publication publication = publications.start(caller, offerId);
        return ResponseEntity.accepted().location(URI.create("/api/publications/" + publication.publicationId()))
                .body(view(publication));
    }

    @GetMapping("/api/offers/{offerId}/publications")
    List<PublicationView> list(Caller caller, @PathVariable String offerId) {
        offers.get(caller, offerId);
        return publications.ofOffer(offerId).stream().map(this::view).toList();
    }

    @GetMapping("/api/publications/{publicationId}")
    PublicationView get(Caller caller, @PathVariable String publicationId) {
        return view(publications.get(caller, publicationId));
    }

    @PostMapping("/api/publications/{publicationId}/go-live")
    ResponseEntity<PublicationView> goLive(Caller caller, @PathVariable String publicationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return accepted(publications.goLive(caller, publicationId, Decision.comment(decision)));
    }

    @PostMapping("/api/publications/{publicationId}/reject")
    ResponseEntity<PublicationView> reject(Caller caller, @PathVariable String publicationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return accepted(publications.reject(caller, publicationId, Decision.comment(decision)));
    }

    @PostMapping("/api/publications/{publicationId}/resubmit")
    ResponseEntity<PublicationView> resubmit(Caller caller, @PathVariable String publicationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return accepted(publications.resubmit(caller, publicationId, Decision.comment(decision)));
    }

    @PostMapping("/api/publications/{publicationId}/cancel")
    ResponseEntity<PublicationView> cancel(Caller caller, @PathVariable String publicationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return accepted(publications.cancel(caller, publicationId, Decision.comment(decision)));
    }

    private ResponseEntity<PublicationView> accepted(Publication publication) {
        return ResponseEntity.accepted().location(URI.create("/api/publications/" + publication.publicationId()))
                .body(view(publication));
    }

    private PublicationView view(Publication publication) {
        return PublicationView.of(publication, publications.steps(publication.publicationId()),
                publications.findings(publication.publicationId()), sla, clock.instant());
    }

    /** The optional body of a decision: a comment for the record (required to reject). */
    record Decision(@Size(max = 2000) String comment) {

        static String comment(Decision decision) {
            return decision == null ? null : decision.comment();
        }
    }
}
