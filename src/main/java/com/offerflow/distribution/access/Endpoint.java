package com.offerflow.distribution.access;

import java.net.URI;

/**
 * A registry as the token service knows it: what it serves ({@link Role}), its token {@code service} name, and the
 * prefix of its repository names. The embedded registry is several endpoints on one service: each region under its
 * id ({@code westeurope/contoso/web}) and the preview under {@code preview}. An external registry is one endpoint,
 * its prefix the path of its configured URL (often none).
 *
 * @param region the region id (role {@code REGION} only)
 * @param base   the external registry's {@code http(s)://host[:port]}; null for the embedded registry
 */
public record Endpoint(Role role, String region, String service, String prefix, URI base) {

    /** What a registry serves. */
    public enum Role {
        /** A region's copies of live offers: anonymous pull of offers live there. */
        REGION,
        /** Packages in preview: pull by their preview audience and their publisher. */
        PREVIEW,
        /** Publishers' pushes: push and pull in their own organisation's namespace. */
        INGESTION
    }

    public boolean embedded() {
        return base == null;
    }

    /** The registry name of an offer's repository here: the prefix, then the repository. */
    public String name(String repository) {
        return prefix.isEmpty() ? repository : prefix + "/" + repository;
    }

    /** The repository a registry name means here, if the name is under this endpoint's prefix. */
    public java.util.Optional<String> repository(String name) {
        if (prefix.isEmpty()) {
            return java.util.Optional.of(name);
        }
        return name.startsWith(prefix + "/") && name.length() > prefix.length() + 1
                ? java.util.Optional.of(name.substring(prefix.length() + 1)) : java.util.Optional.empty();
    }
}
