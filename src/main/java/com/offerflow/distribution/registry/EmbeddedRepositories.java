package com.offerflow.distribution.registry;

import com.offerflow.distribution.access.DistributionFacts;
import com.offerflow.distribution.access.Endpoint;
import com.offerflow.distribution.access.RegistryEndpoints;
import com.offerflow.storage.PackageStore;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the embedded registry finds a repository, if it serves it now: {@code <region>/<repository>} is the region's
 * copy of a live offer ({@code <data-dir>/regions/<region>/<repository>}), while the offer is live in that region;
 * {@code preview/<repository>} is the staging layout of the publication in preview under that repository
 * ({@code <data-dir>/staging/<publication>}), from packaging until Go live or the end of the publication.
 * Names are valid repository names (no {@code ..}, no empty component), so the paths stay inside the stores.
 */
@Component
class EmbeddedRepositories {

    private final RegistryEndpoints endpoints;
    private final DistributionFacts facts;
    private final PackageStore store;

    EmbeddedRepositories(RegistryEndpoints endpoints, DistributionFacts facts, PackageStore store) {
        this.endpoints = endpoints;
        this.facts = facts;
        this.store = store;
    }

    Optional<Path> find(String name) {
        Optional<RegistryEndpoints.Target> target = endpoints.resolve(endpoints.embeddedService(), name)
                .filter(t -> t.endpoint().embedded());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Endpoint endpoint = target.get().endpoint();
        String repository = target.get().repository();
        Optional<Path> dir = switch (endpoint.role()) {
            case REGION -> facts.live(repository).filter(live -> live.regions().contains(endpoint.region()))
                    .map(live -> store.regionPath(endpoint.region(), repository));
            case PREVIEW -> facts.preview(repository).map(preview -> store.stagingPath(preview.publicationId()));
            case INGESTION -> Optional.empty();
        };
        return dir.filter(path -> Files.isRegularFile(path.resolve("oci-layout")));
    }
}
