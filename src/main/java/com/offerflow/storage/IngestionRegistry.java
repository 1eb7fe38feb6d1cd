package com.offerflow.storage;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The marketplace's own ingestion registry, where publishers push their images (configured in
 * {@code offerflow.distribution.ingestion}; implemented by {@code distribution.ingestion}). Offerflow is its token
 * service, so it pulls from there with tokens it mints itself, and the registry needs none of the exceptions
 * ({@code offerflow.images.allow-*}) that publishers' own registries would.
 */
public interface IngestionRegistry {

    /** The registry's {@code http(s)://host[:port]}, when one is configured. */
    Optional<URI> base();

    /**
     * The organisation whose namespace a repository of the registry is in: the first path component after the
     * registry's prefix ({@code contoso} of {@code contoso/web}); empty for a name outside any organisation's.
     */
    Optional<String> organisation(String repositoryName);

    /** A token for the registry's service granting the pull scopes asked (never push). */
    String pullToken(String service, List<String> scopes) throws IOException;
}
