package com.offerflow.distribution.replication;

import com.offerflow.distribution.access.Endpoint;
import com.offerflow.distribution.access.RegistryEndpoints;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;
import com.offerflow.image.registry.RegistryPusher;
import com.offerflow.replication.ExternalRegions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replication to regions on external registries: the package is pushed from the staging layout over the
 * distribution API ({@link RegistryPusher}: HEAD, cross-repository mount from another region on the same registry,
 * streamed upload, manifest by digest, tags), with the artifacts attached to it in staging (pushed by digest, or
 * under their referrers fallback tag), with Offerflow's own tokens ({@link EndpointPushers}).
 */
@Component
class RegistryRegions implements ExternalRegions {

    private static final Logger log = LoggerFactory.getLogger(RegistryRegions.class);

    private final RegistryEndpoints endpoints;
    private final EndpointPushers pushers;

    RegistryRegions(RegistryEndpoints endpoints, EndpointPushers pushers) {
        this.endpoints = endpoints;
        this.pushers = pushers;
    }

    @Override
    public boolean isExternal(String regionId) {
        return !endpoints.region(regionId).embedded();
    }

    @Override
    public void replicate(String publicationId, OciLayout staging, Map<String, Descriptor> tagged,
            String repositoryName, String regionId) throws IOException, InvalidImageException {
        Endpoint endpoint = endpoints.region(regionId);
        List<RegistryPusher.Result> results = pushers.pushPackage(endpoint, staging, tagged, repositoryName,
                mountSources(endpoint, repositoryName));
        log.info("Publication {}: replicated to region {} ({}): {}", publicationId, regionId,
                EndpointPushers.target(endpoint, repositoryName), results);
    }

    @Override
    public Optional<Digest> served(String regionId, String repositoryName, String tag) throws IOException {
        Endpoint endpoint = endpoints.region(regionId);
        return pushers.of(endpoint).manifestDigest(EndpointPushers.target(endpoint, repositoryName), tag);
    }

    /** The same repository in the other regions of the same registry: blobs pushed there are mounted, not sent. */
    private List<String> mountSources(Endpoint region, String repositoryName) {
        List<String> sources = new ArrayList<>();
        for (Endpoint other : endpoints.all()) {
            if (other != region && !other.embedded() && other.role() == Endpoint.Role.REGION
                    && other.base().equals(region.base()) && other.service().equals(region.service())) {
                sources.add(other.name(repositoryName));
            }
        }
        return sources;
    }

}
