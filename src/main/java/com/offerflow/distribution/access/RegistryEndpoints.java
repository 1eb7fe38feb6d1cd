package com.offerflow.distribution.access;

import com.offerflow.distribution.DistributionSettings;
import com.offerflow.image.registry.RepositoryName;
import com.offerflow.replication.Regions;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every registry Offerflow is the token service of, from the configuration: the embedded registry (each region
 * that has no external registry, under its id, and the preview under {@code preview}) and the external ones
 * ({@code offerflow.distribution.regions.<id>}, {@code .preview}, {@code .ingestion}). Checked at start-up: the
 * region id {@code preview} is reserved, every external registry has a URL and a service name, and no two endpoints
 * of one service claim the same names.
 */
@Component
public class RegistryEndpoints {

    /** The embedded registry's name prefix of previews; no region may have this id. */
    public static final String PREVIEW = "preview";

    private final String embeddedService;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Map<String, Endpoint> regions = new HashMap<>();
    private final Endpoint preview;
    private final Endpoint ingestion;

    public RegistryEndpoints(DistributionSettings settings, Regions configured) {
        this.embeddedService = settings.service();
        if (configured.contains(PREVIEW)) {
            throw new IllegalStateException("The region id '" + PREVIEW + "' is reserved for the preview"
                    + " (offerflow.replication.regions): choose another id");
        }
        for (String id : settings.regions().keySet()) {
            if (!configured.contains(id)) {
                throw new IllegalStateException("offerflow.distribution.regions." + id + " names no region of"
                        + " offerflow.replication.regions");
            }
        }
        for (String id : configured.ids()) {
            DistributionSettings.ExternalRegistry external = settings.regions().get(id);
            Endpoint endpoint = external == null ? new Endpoint(Endpoint.Role.REGION, id, embeddedService, id, null)
                    : external(Endpoint.Role.REGION, id, external, "offerflow.distribution.regions." + id);
            regions.put(id, endpoint);
            add(endpoint);
        }
        preview = settings.preview() == null
                ? new Endpoint(Endpoint.Role.PREVIEW, null, embeddedService, PREVIEW, null)
                : external(Endpoint.Role.PREVIEW, null, settings.preview(), "offerflow.distribution.preview");
        add(preview);
        ingestion = settings.ingestion() == null ? null
                : external(Endpoint.Role.INGESTION, null, settings.ingestion(), "offerflow.distribution.ingestion");
        if (ingestion != null) {
            add(ingestion);
        }
    }

    private static Endpoint external(Endpoint.Role role, String region, DistributionSettings.ExternalRegistry registry,
            String property) {
        if (registry.url() == null || registry.service() == null || registry.service().isBlank()) {
            throw new IllegalStateException(property + " needs both url and service");
        }
        URI url = registry.url();
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
                || url.getRawQuery() != null || url.getRawUserInfo() != null) {
            throw new IllegalStateException(property + ".url must be http(s)://host[:port][/prefix]: " + url);
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("^/+|/+$", "");
        if (!path.isEmpty() && !RepositoryName.isValid(path)) {
            throw new IllegalStateException(property + ".url has a path that is no repository prefix: " + url);
        }
        URI base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
        return new Endpoint(role, region, registry.service(), path, base);
    }

    private void add(Endpoint endpoint) {
        for (Endpoint other : endpoints) {
            if (other.service().equals(endpoint.service()) && (other.prefix().equals(endpoint.prefix())
                    || other.prefix().isEmpty() || endpoint.prefix().isEmpty())) {
                throw new IllegalStateException("Two registries with the service name '" + endpoint.service()
                        + "' claim the same repository names (" + describe(other) + " and " + describe(endpoint)
                        + "): give each registry its own service name, or each a path prefix");
            }
        }
        endpoints.add(endpoint);
    }

    private static String describe(Endpoint endpoint) {
        return endpoint.role().name().toLowerCase() + (endpoint.region() == null ? "" : " " + endpoint.region());
    }

    public String embeddedService() {
        return embeddedService;
    }

    public List<Endpoint> all() {
        return List.copyOf(endpoints);
    }

    /** Where a region serves its packages; every configured region has one. */
    public Endpoint region(String regionId) {
        Endpoint endpoint = regions.get(regionId);
        if (endpoint == null) {
            throw new IllegalArgumentException("no region " + regionId);
        }
        return endpoint;
    }

    public Endpoint preview() {
        return preview;
    }

    public Optional<Endpoint> ingestion() {
        return Optional.ofNullable(ingestion);
    }

    /** A repository of a registry: the endpoint whose names it falls under, and the offer repository it means. */
    public record Target(Endpoint endpoint, String repository) {
    }

    /** What {@code name} means on the registry of {@code service}, if anything. */
    public Optional<Target> resolve(String service, String name) {
        if (service == null || !RepositoryName.isValid(name)) {
            return Optional.empty();
        }
        for (Endpoint endpoint : endpoints) {
            if (endpoint.service().equals(service)) {
                Optional<String> repository = endpoint.repository(name);
                if (repository.isPresent()) {
                    return Optional.of(new Target(endpoint, repository.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the token service knows the service name. */
    public boolean knows(String service) {
        return endpoints.stream().anyMatch(endpoint -> endpoint.service().equals(service));
    }
}
