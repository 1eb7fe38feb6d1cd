package com.offerflow.distribution.ingestion;

import com.offerflow.distribution.access.Endpoint;
import com.offerflow.distribution.access.RegistryEndpoints;
import com.offerflow.distribution.token.Access;
import com.offerflow.distribution.token.Scope;
import com.offerflow.distribution.token.TokenIssuer;
import com.offerflow.image.registry.RegistryException;
import com.offerflow.storage.IngestionRegistry;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Offerflow's own pulls from the ingestion registry (step 1 pins, certification and packaging read the pinned
 * image): pull tokens it mints itself, for the ingestion registry's service only, never push.
 */
@Component
class IngestionAccess implements IngestionRegistry {

    static final String SUBJECT = "offerflow-ingestion";

    private final RegistryEndpoints endpoints;
    private final TokenIssuer issuer;

    IngestionAccess(RegistryEndpoints endpoints, TokenIssuer issuer) {
        this.endpoints = endpoints;
        this.issuer = issuer;
    }

    @Override
    public Optional<URI> base() {
        return endpoints.ingestion().map(Endpoint::base);
    }

    @Override
    public Optional<String> organisation(String repositoryName) {
        return endpoints.ingestion().flatMap(ingestion -> ingestion.repository(repositoryName))
                .filter(repository -> repository.contains("/"))
                .map(com.offerflow.image.registry.RepositoryName::first);
    }

    @Override
    public String pullToken(String service, List<String> scopes) throws IOException {
        Endpoint ingestion = endpoints.ingestion().orElseThrow(() -> new IOException("no ingestion registry"));
        if (!ingestion.service().equals(service)) {
            throw new RegistryException(401, "the ingestion registry asked for a token of service '" + service
                    + "', but it is configured with '" + ingestion.service() + "'");
        }
        List<Access> access = new ArrayList<>();
        for (Scope scope : Scope.parseAll(scopes)) {
            if (scope.asks(Access.PULL) && ingestion.repository(scope.repository()).isPresent()) {
                access.add(Access.repository(scope.repository(), List.of(Access.PULL)));
            }
        }
        return issuer.issue(SUBJECT, service, access).token();
    }
}
