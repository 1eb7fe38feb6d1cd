package com.offerflow.packaging;

import com.offerflow.engine.InAppWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The in-app worker of {@code package-image} tasks. Off with {@code offerflow.packaging.worker.enabled=false}. */
@Component
@ConditionalOnProperty(name = "offerflow.packaging.worker.enabled", havingValue = "true", matchIfMissing = true)
class PackagingWorker extends InAppWorker {

    PackagingWorker(PackageImageTask task) {
        super("packaging-worker", task.runner());
    }
}
