/**
 * Step 5, {@code SubProcess_Replication}: the package copied to every region a plan is sold in, one job per region.
 */
@ApplicationModule(displayName = "Step 5: Replication", allowedDependencies = {"image", "offer", "process", "publication", "storage"})
package com.offerflow.replication;

import org.springframework.modulith.ApplicationModule;
