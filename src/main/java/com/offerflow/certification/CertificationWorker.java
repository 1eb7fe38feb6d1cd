package com.offerflow.certification;

import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Works the {@code certify-image} external tasks of {@code Task_ScanImage} inside the app, on the engine's Java API:
 * one task at a time on its own thread, holding neither a job-executor thread nor a database connection while the
 * scan runs; the lock is extended as the scan goes on, and a technical failure is retried, then becomes an incident
 * that says what failed.
 */
@Component
@ConditionalOnProperty(name = "offerflow.certification.worker.enabled", havingValue = "true", matchIfMissing = true)
class CertificationWorker implements SmartLifecycle {

    static final String TOPIC = "certify-image";
    private static final Logger log = LoggerFactory.getLogger(CertificationWorker.class);

    private final ExternalTaskService externalTasks;
    private final CertificationService certification;
    private final TransactionTemplate transaction;
    private final CertificationWorkerSettings settings;
    private final String workerId;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    CertificationWorker(ExternalTaskService externalTasks, CertificationService certification,
            TransactionTemplate transaction, CertificationWorkerSettings settings) {
        this.externalTasks = externalTasks;
        this.certification = certification;
        this.transaction = transaction;
        this.settings = settings;
        this.workerId = "offerflow-" + hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void start() {
        executor = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "certification-worker");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::pollOnce, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Certification worker {} polls topic '{}'", workerId, TOPIC);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Fetches and works tasks until none is left. */
    void pollOnce() {
        try {
            while (running) {
                List<LockedExternalTask> tasks = externalTasks.fetchAndLock(1, workerId)
                        .topic(TOPIC, settings.lockDuration().toMillis())
                        .execute();
                if (tasks.isEmpty()) {
                    return;
                }
                work(tasks.get(0));
            }
        } catch (RuntimeException e) {
            log.warn("Certification worker {} could not poll: {}", workerId, e.getMessage());
        }
    }

    private void work(LockedExternalTask task) {
        String publicationId = (String) task.getVariables().get(ProcessVariables.PUBLICATION_ID);
        long lockMillis = settings.lockDuration().toMillis();
        ScheduledFuture<?> lockKeeper = executor.scheduleAtFixedRate(
                () -> extendLock(task), lockMillis / 2, lockMillis / 2, TimeUnit.MILLISECONDS);
        try {
            CertificationReport report = certification.scan(publicationId);
            lockKeeper.cancel(false);
            transaction.executeWithoutResult(status -> {
                Map<String, Object> outcome = certification.record(publicationId, report);
                externalTasks.complete(task.getId(), workerId, outcome);
            });
            log.info("Publication {}: certification scan {} ({})", publicationId, report.outcome(), report.summary());
        } catch (Exception e) {
            lockKeeper.cancel(false);
            fail(task, publicationId, e);
        }
    }

    private void extendLock(LockedExternalTask task) {
        try {
            externalTasks.extendLock(task.getId(), workerId, settings.lockDuration().toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not extend the lock of external task {}: {}", task.getId(), e.getMessage());
        }
    }

    private void fail(LockedExternalTask task, String publicationId, Exception e) {
        int retries = task.getRetries() == null ? settings.retries() : task.getRetries() - 1;
        String message = "Certification scan of publication " + publicationId + " failed: " + e.getMessage()
                + (retries > 0 ? " (will retry)" : ". Fix the cause, then set this task's retries in Cockpit to scan again.");
        log.error(message, e);
        try {
            externalTasks.handleFailure(task.getId(), workerId, truncate(message), stackTrace(e), Math.max(retries, 0),
                    settings.retryTimeout().toMillis());
        } catch (RuntimeException failure) {
            log.error("Could not report the failure of external task {}", task.getId(), failure);
        }
    }

    private static String truncate(String message) {
        return message.length() <= 600 ? message : message.substring(0, 599) + "…";
    }

    /** The failure's causes and stack frames, for the incident's details in Cockpit. */
    private static String stackTrace(Throwable e) {
        StringBuilder details = new StringBuilder();
        for (Throwable cause = e; cause != null && details.length() < 8000; cause = cause.getCause()) {
            details.append(cause == e ? "" : "Caused by: ").append(cause).append('\n');
            for (StackTraceElement frame : cause.getStackTrace()) {
                details.append("\tat ").append(frame).append('\n');
            }
        }
        return details.toString();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
