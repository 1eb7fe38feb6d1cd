package com.offerflow.distribution.access;

import com.offerflow.distribution.Customers;
import com.offerflow.distribution.token.Access;
import com.offerflow.distribution.token.Scope;
import com.offerflow.identity.Groups;
import com.offerflow.image.registry.RepositoryName;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may pull or push what, on every registry Offerflow is the token service of. Decided from the offer and
 * publication facts of now:
 * <ul>
 *   <li>a region's repository: anyone pulls an offer that is live in that region (one of its plans is sold
 *       there), also while its distribution is stopped, so existing customers keep pulling;</li>
 *   <li>the preview's repository: the users of a subscription in the preview audience and the publisher's own
 *       organisation pull, from packaging until Go live, rejection, cancellation or expiry;</li>
 *   <li>the ingestion registry: publishers push and pull {@code <their organisation>/*}; scan workers pull;</li>
 *   <li>nothing else, for anyone. Nobody is told why: a refused and a missing repository look alike.</li>
 * </ul>
 * Offerflow's own replication and ingestion pulls do not come through here: it mints their tokens itself.
 */
@Component
public class AccessPolicy {

    private static final Set<String> NOTHING = Set.of();

    private final RegistryEndpoints endpoints;
    private final DistributionFacts facts;

    AccessPolicy(RegistryEndpoints endpoints, DistributionFacts facts) {
        this.endpoints = endpoints;
        this.facts = facts;
    }

    /** What the token for {@code service} grants of what was asked: only allowed actions, only known names. */
    public List<Access> grant(String service, List<Scope> scopes, Requester who) {
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            Set<String> allowed = endpoints.resolve(service, scope.repository())
                    .map(target -> allowed(target, who)).orElse(NOTHING);
            for (String action : allowed) {
                if (scope.asks(action)) {
                    granted.computeIfAbsent(scope.repository(), name -> new TreeSet<>()).add(action);
                }
            }
        }
        List<Access> access = new ArrayList<>();
        granted.forEach((name, actions) -> access.add(Access.repository(name, List.copyOf(actions))));
        return access;
    }

    /** The actions {@code who} may take on a registry's repository now. */
    public Set<String> allowed(RegistryEndpoints.Target target, Requester who) {
        String repository = target.repository();
        return switch (target.endpoint().role()) {
            case REGION -> facts.live(repository)
                    .filter(live -> live.regions().contains(target.endpoint().region()))
                    .map(live -> Set.of(Access.PULL)).orElse(NOTHING);
            case PREVIEW -> facts.preview(repository)
                    .filter(preview -> mayPreview(preview, who))
                    .map(preview -> Set.of(Access.PULL)).orElse(NOTHING);
            case INGESTION -> ingestion(repository, who);
        };
    }

    /** Whether {@code who} may pull the preview: its publisher's organisation, or a subscription of its audience. */
    public static boolean mayPreview(DistributionFacts.Preview preview, Requester who) {
        if (who.groups().contains(Groups.publisherGroup(preview.publisherOrg()))) {
            return true;
        }
        return who.groups().stream().map(Customers::subscriptionOf).flatMap(Optional::stream)
                .anyMatch(preview.audience()::contains);
    }

    private static Set<String> ingestion(String repository, Requester who) {
        if (!repository.contains("/")) {
            return NOTHING; // <organisation>/<repository>: a bare organisation is no repository
        }
        String organisation = RepositoryName.first(repository);
        if (who.groups().contains(Groups.publisherGroup(organisation))) {
            return Set.of(Access.PULL, Access.PUSH);
        }
        if (who.groups().contains(Groups.SCAN_WORKERS)) {
            return Set.of(Access.PULL);
        }
        return NOTHING;
    }
}
