package com.offerflow.signoff;

import com.offerflow.distribution.PullReferences;
import com.offerflow.identity.Caller;
import com.offerflow.offer.Listing;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.OfferPublications;
import com.offerflow.offer.Plan;
import com.offerflow.offer.PreviewSubscription;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationService;
import com.offerflow.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/publications/{id}/preview}: the packaged offer as it will go live, for the publisher to check
 * before Go live: the listing, the plans, the staged package, where the preview audience pulls it
 * ({@code pullReference}, without the tag) and who may see the preview. Only the publisher's own
 * organisation (and admins) see it.
 */
@RestController
class PreviewController {

    private final PublicationService publications;
    private final OfferPublications offers;
    private final PullReferences pulls;

    PreviewController(PublicationService publications, OfferPublications offers, PullReferences pulls) {
        this.publications = publications;
        this.offers = offers;
        this.pulls = pulls;
    }

    @GetMapping("/api/publications/{publicationId}/preview")
    Preview preview(Caller caller, @PathVariable String publicationId) {
        Publication publication = publications.get(caller, publicationId);
        String packageDigest = publication.results().packageDigest();
        if (packageDigest == null) {
            throw ApiException.conflict("no-preview-yet", "Publication " + publicationId
                    + " has no package yet: the preview exists once packaging is done.");
        }
        OfferDocument offer = offers.read(publication.snapshot().offerJson());
        return new Preview(publicationId, offer.offerId(), publication.status().name(), offer.listing(),
                offer.plans(), offer.technicalConfiguration().repositoryName(),
                offer.technicalConfiguration().tags(), packageDigest,
                pulls.preview(offer.technicalConfiguration().repositoryName()), offer.previewAudience());
    }

    /** The offer as its preview audience sees it. */
    record Preview(String publicationId, String offerId, String status, Listing listing, List<Plan> plans,
                   String repository, List<String> tags, String packageDigest, String pullReference,
                   List<PreviewSubscription> previewAudience) {
    }
}
