/**
 * Step 6, {@code SubProcess_Live}: the offer goes live once every region serves it (so it reads replication's
 * regions), and the public catalog of live offers with their distribution (sold or stopped).
 */
@ApplicationModule(displayName = "Step 6: Live", allowedDependencies = {"distribution", "identity", "image", "offer", "process", "publication", "replication", "web"})
package com.offerflow.live;

import org.springframework.modulith.ApplicationModule;
