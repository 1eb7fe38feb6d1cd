package com.offerflow.support;

import com.offerflow.offer.LeadManagement;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.PreviewSubscription;
import com.offerflow.offer.TechnicalConfiguration;

import java.util.List;
import java.util.function.UnaryOperator;

/** Changes of the sample offer that tests need. */
public final class OfferEdits {

    private OfferEdits() {
    }

    public static UnaryOperator<OfferDocument> previewAudience(List<PreviewSubscription> audience) {
        return o -> new OfferDocument(o.offerId(), o.listing(), audience, o.plans(), o.technicalConfiguration(),
                o.leadManagement());
    }

    public static UnaryOperator<OfferDocument> tags(String... tags) {
        return o -> new OfferDocument(o.offerId(), o.listing(), o.previewAudience(), o.plans(),
                new TechnicalConfiguration(o.technicalConfiguration().repositoryName(), List.of(tags),
                        o.technicalConfiguration().registryRepository()),
                o.leadManagement());
    }

    /** The image is pulled from a repository in a registry ({@code http://127.0.0.1:5000/contoso/web}). */
    public static UnaryOperator<OfferDocument> registry(String registryRepository) {
        return o -> new OfferDocument(o.offerId(), o.listing(), o.previewAudience(), o.plans(),
                new TechnicalConfiguration(o.technicalConfiguration().repositoryName(),
                        o.technicalConfiguration().tags(), registryRepository),
                o.leadManagement());
    }

    public static UnaryOperator<OfferDocument> leads(LeadManagement leads) {
        return o -> new OfferDocument(o.offerId(), o.listing(), o.previewAudience(), o.plans(),
                o.technicalConfiguration(), leads);
    }
}
