/**
 * Step 2, {@code SubProcess_Certification}: the image scan as an external task (in the app, or in a separate scan
 * worker process, {@code worker}), its report and findings, and the reviewer's decision on warnings.
 */
@ApplicationModule(displayName = "Step 2: Certification", allowedDependencies = {"engine", "identity", "image", "image :: registry", "offer", "process", "publication", "scanner", "scanner :: advisories", "scanner :: report", "storage", "web"})
package com.offerflow.certification;

import org.springframework.modulith.ApplicationModule;
