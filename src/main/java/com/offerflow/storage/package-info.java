/**
 * The stores under the data directory (uploaded images, staging, regions) and where a publication's image is
 * read from: an upload or a registry, under the registry rules of {@code offerflow.images.*}.
 */
@ApplicationModule(displayName = "Storage", allowedDependencies = {"image", "image :: registry", "network"})
package com.offerflow.storage;

import org.springframework.modulith.ApplicationModule;
