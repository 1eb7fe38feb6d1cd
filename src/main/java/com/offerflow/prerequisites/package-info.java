/**
 * Step 1, {@code SubProcess_ValidatePrerequisites}: the submitted offer can be published, its image is there and
 * carries every tag; an image in a registry is pinned by digest.
 */
@ApplicationModule(displayName = "Step 1: Validate prerequisites", allowedDependencies = {"image", "image :: registry", "offer", "process", "publication", "storage", "web"})
package com.offerflow.prerequisites;

import org.springframework.modulith.ApplicationModule;
