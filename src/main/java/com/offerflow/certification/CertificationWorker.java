package com.offerflow.certification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The in-app worker of {@code certify-image} tasks: one thread that polls the engine's Java API and works one task
 * at a time through {@link CertifyImageHandler}. Off with {@code offerflow.certification.worker.enabled=false}, for
 * nodes that leave scanning to separate worker processes.
 */
@Component
@ConditionalOnProperty(name = "offerflow.certification.worker.enabled", havingValue = "true", matchIfMissing = true)
class CertificationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CertificationWorker.class);

    private final CertifyImageHandler handler;
    private final CertificationWorkerSettings settings;
    private final String workerId;
    private ScheduledExecutorService poller;
    private volatile boolean running;

    CertificationWorker(CertifyImageHandler handler, CertificationWorkerSettings settings) {
        this.handler = handler;
        this.settings = settings;
        this.workerId = "offerflow-" + hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "certification-worker");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Certification worker {} polls topic '{}'", workerId, CertifyImageHandler.TOPIC);
    }

    private void poll() {
        try {
            while (running && handler.workNext(workerId)) {
                // work tasks while there are any, then wait for the next poll
            }
        } catch (RuntimeException e) {
            log.warn("Certification worker {} could not poll: {}", workerId, e.getMessage());
        }
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
