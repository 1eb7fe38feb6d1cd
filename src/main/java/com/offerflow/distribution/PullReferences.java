package com.offerflow.distribution;

import com.offerflow.distribution.access.Endpoint;
import com.offerflow.distribution.access.RegistryEndpoints;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where customers pull an offer, as {@code docker}, {@code podman} and {@code skopeo} name it (without the tag):
 * {@code <host>/<region>/<repository>} on the embedded registry (its host from
 * {@code offerflow.distribution.public-url}, else the host the request came to), {@code <registry host>[/<prefix>]/
 * <repository>} on a region's external registry, and likewise for the preview.
 */
@Component
public class PullReferences {

    private final RegistryEndpoints endpoints;
    private final DistributionSettings settings;

    PullReferences(RegistryEndpoints endpoints, DistributionSettings settings) {
        this.endpoints = endpoints;
        this.settings = settings;
    }

    /** Each region's pull reference of the repository, in the order of {@code regions}. */
    public Map<String, String> regions(String repository, List<String> regions) {
        Map<String, String> references = new LinkedHashMap<>();
        for (String region : regions) {
            references.put(region, reference(endpoints.region(region), repository));
        }
        return references;
    }

    /** The preview's pull reference of the repository. */
    public String preview(String repository) {
        return reference(endpoints.preview(), repository);
    }

    private String reference(Endpoint endpoint, String repository) {
        String host = endpoint.embedded() ? embeddedHost() : endpoint.base().getRawAuthority();
        return host + "/" + endpoint.name(repository);
    }

    private String embeddedHost() {
        if (settings.publicUrl() != null) {
            return settings.publicUrl().getRawAuthority();
        }
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUri().getRawAuthority();
        } catch (IllegalStateException e) {
            return "localhost:8080"; // no request (a background job): the default port
        }
    }
}
