package com.offerflow.distribution.replication;

import com.offerflow.distribution.access.Endpoint;
import com.offerflow.distribution.token.Access;
import com.offerflow.distribution.token.Scope;
import com.offerflow.distribution.token.TokenIssuer;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;
import com.offerflow.image.Referrers;
import com.offerflow.image.registry.RegistryException;
import com.offerflow.image.registry.RegistryPusher;
import com.offerflow.storage.RegistrySettings;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pushes staged packages to external registries: a {@link RegistryPusher} per registry, answering its bearer challenges with tokens Offerflow mints
 * itself (it is the registry's token service): only for the service that registry is configured with, whatever
 * service its challenge names, so no registry can obtain a token valid at another.
 */
@Component
class EndpointPushers {

    static final String SUBJECT = "offerflow-replication";

    private final TokenIssuer issuer;
    private final RegistrySettings settings;
    private final Map<String, RegistryPusher> pushers = new HashMap<>();

    EndpointPushers(TokenIssuer issuer, RegistrySettings settings) {
        this.issuer = issuer;
        this.settings = settings;
    }

    synchronized RegistryPusher of(Endpoint endpoint) {
        return pushers.computeIfAbsent(endpoint.service() + " " + endpoint.base(), key ->
                new RegistryPusher(settings.registryTimeout(), (service, scopes) -> token(endpoint, service, scopes)));
    }

    static RegistryPusher.Target target(Endpoint endpoint, String repositoryName) {
        return new RegistryPusher.Target(endpoint.base(), endpoint.name(repositoryName));
    }

    /**
     * Pushes a staged package to the registry: each tag's manifest (tags naming one manifest pushed together), then
     * the artifacts attached to them in staging (by digest, or under their referrers fallback tag).
     *
     * @param mountFrom repositories of the same registry that may hold its blobs already
     */
    List<RegistryPusher.Result> pushPackage(Endpoint endpoint, OciLayout staging, Map<String, Descriptor> tagged,
            String repositoryName, List<String> mountFrom) throws IOException, InvalidImageException {
        RegistryPusher pusher = of(endpoint);
        RegistryPusher.Target target = target(endpoint, repositoryName);
        Map<Descriptor, List<String>> tagsByManifest = new LinkedHashMap<>();
        tagged.forEach((tag, manifest) -> tagsByManifest.computeIfAbsent(manifest.withAnnotation(
                Descriptor.REF_NAME, null), m -> new ArrayList<>()).add(tag));
        List<RegistryPusher.Result> results = new ArrayList<>();
        Set<Digest> packaged = new HashSet<>();
        for (Map.Entry<Descriptor, List<String>> entry : tagsByManifest.entrySet()) {
            results.add(pusher.push(staging, entry.getKey(), target, entry.getValue(), mountFrom));
            packaged.add(entry.getKey().digest());
        }
        for (Referrers.Referrer referrer : Referrers.of(staging, packaged)) {
            results.add(pusher.push(staging, referrer.manifest(), target,
                    referrer.tag() == null ? List.of() : List.of(referrer.tag()), mountFrom));
        }
        return results;
    }

    private String token(Endpoint endpoint, String service, List<String> scopes) throws IOException {
        if (!endpoint.service().equals(service)) {
            throw new RegistryException(401, "the registry " + endpoint.base() + " asked for a token of service '"
                    + service + "', but it is configured with '" + endpoint.service() + "'");
        }
        List<Access> access = new ArrayList<>();
        for (Scope scope : Scope.parseAll(scopes)) {
            access.add(Access.repository(scope.repository(), List.copyOf(new TreeSet<>(scope.actions()))));
        }
        return issuer.issue(SUBJECT, service, access).token();
    }
}
