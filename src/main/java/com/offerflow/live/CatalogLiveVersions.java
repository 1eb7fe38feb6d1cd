package com.offerflow.live;

import com.offerflow.offer.LiveVersion;
import com.offerflow.offer.LiveVersions;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The offers' live versions are their catalog entries, sold or stopped. */
@Component
class CatalogLiveVersions implements LiveVersions {

    private final CatalogRepository catalog;

    CatalogLiveVersions(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<LiveVersion> find(String offerId) {
        return catalog.find(offerId).map(CatalogLiveVersions::liveVersion);
    }

    static LiveVersion liveVersion(CatalogEntry entry) {
        return new LiveVersion(entry.offerId(), entry.publicationId(), entry.offer(),
                entry.distribution() == CatalogEntry.Distribution.SELLING, entry.publishedAt(), entry.updatedAt());
    }
}
