package com.offerflow.certification;

import com.offerflow.engine.InAppWorker;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The in-app worker of {@code certify-image} tasks, working them one at a time through
 * {@link CertifyImageHandler}. Off with {@code offerflow.certification.worker.enabled=false}, for nodes that leave
 * scanning to separate worker processes.
 */
@Component
@ConditionalOnProperty(name = "offerflow.certification.worker.enabled", havingValue = "true", matchIfMissing = true)
class CertificationWorker extends InAppWorker {

    CertificationWorker(CertifyImageHandler handler) {
        super("certification-worker", handler.runner());
    }
}
