/**
 * Step 3, {@code SubProcess_Packaging}: the certified image copied into the publication's staging layout (an
 * external task), and the lead destination set up.
 */
@ApplicationModule(displayName = "Step 3: Packaging", allowedDependencies = {"engine", "image", "image :: registry", "network", "offer", "process", "publication", "storage"})
package com.offerflow.packaging;

import org.springframework.modulith.ApplicationModule;
