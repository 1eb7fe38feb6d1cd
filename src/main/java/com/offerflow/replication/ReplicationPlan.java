package com.offerflow.replication;

import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.Plan;
import com.offerflow.publication.PublicationContexts;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which regions a publication replicates to: every region one of the offer's plans is sold in, in the configured
 * order. The BPMN model's replication multi-instance reads it as {@code ${replicationPlan.regions(publicationId)}}.
 */
@Component("replicationPlan")
public class ReplicationPlan {

    private final PublicationContexts publications;
    private final Regions regions;

    ReplicationPlan(PublicationContexts publications, Regions regions) {
        this.publications = publications;
        this.regions = regions;
    }

    public List<String> regions(String publicationId) {
        return requiredRegions(publications.load(publicationId).offer(), regions);
    }

    public static List<String> requiredRegions(OfferDocument offer, Regions regions) {
        Set<String> sold = offer.plans().stream().map(Plan::regions).flatMap(List::stream)
                .collect(Collectors.toSet());
        return regions.ids().stream().filter(sold::contains).toList();
    }
}
