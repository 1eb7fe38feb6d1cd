/**
 * Customers and preview audiences pull offers, publishers push images: the registry token service ({@code token}:
 * keys, ES256 JWTs, {@code /auth/token}), the rules of who pulls and pushes what, and customers ({@code access}),
 * the embedded registry's pull API at {@code /v2/} ({@code registry}), pushing packages to external region and preview
 * registries ({@code replication}), and Offerflow's own pulls from the ingestion registry ({@code ingestion}).
 * The protocol code without Spring ({@code RegistryPusher}, {@code RepositoryName}) is in {@code image.registry}.
 */
@ApplicationModule(displayName = "Distribution", allowedDependencies = {"identity", "image", "image::registry",
        "packaging", "replication", "storage"})
package com.offerflow.distribution;

import org.springframework.modulith.ApplicationModule;
