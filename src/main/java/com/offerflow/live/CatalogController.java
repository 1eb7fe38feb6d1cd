package com.offerflow.live;

import com.offerflow.distribution.PullReferences;
import com.offerflow.offer.Listing;
import com.offerflow.offer.OfferId;
import com.offerflow.offer.Plan;
import com.offerflow.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The public catalog: the live offers, readable without credentials. It shows what customers see (listing, plans,
 * where to pull: {@code pullReferences}, each region's {@code host/name} to pull the tags from), never the preview audience, the lead destination or the engineering contact.
 */
@RestController
@RequestMapping("/api/catalog")
class CatalogController {

    private final CatalogService catalog;
    private final PullReferences pulls;

    CatalogController(CatalogService catalog, PullReferences pulls) {
        this.catalog = catalog;
        this.pulls = pulls;
    }

    @GetMapping
    List<CatalogOffer> list() {
        return catalog.selling().stream().map(entry -> CatalogOffer.of(entry, pulls)).toList();
    }

    @GetMapping("/{offerId}")
    CatalogOffer get(@PathVariable @OfferId String offerId) {
        return catalog.find(offerId).filter(entry -> entry.distribution() == CatalogEntry.Distribution.SELLING)
                .map(entry -> CatalogOffer.of(entry, pulls))
                .orElseThrow(() -> ApiException.notFound("Offer in the catalog", offerId));
    }

    /** An offer as customers see it. */
    record CatalogOffer(String offerId, String publisher, String name, String searchSummary, String description,
                        String privacyPolicyUrl, Listing.Contact supportContact, List<String> categories,
                        List<Plan> plans, String repository, List<String> tags, String digest,
                        List<String> regions, Map<String, String> pullReferences, Instant publishedAt) {

        static CatalogOffer of(CatalogEntry entry, PullReferences pulls) {
            Listing listing = entry.offer().listing();
            return new CatalogOffer(entry.offerId(), entry.publisherOrg(), listing.name(), listing.searchSummary(),
                    listing.description(), listing.privacyPolicyUrl(), listing.supportContact(),
                    listing.categories(), entry.offer().plans(),
                    entry.offer().technicalConfiguration().repositoryName(),
                    entry.offer().technicalConfiguration().tags(), entry.packageDigest(), entry.regions(),
                    pulls.regions(entry.offer().technicalConfiguration().repositoryName(), entry.regions()),
                    entry.publishedAt());
        }
    }
}
