package com.offerflow.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.process.ProcessVariables;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Works one {@code certify-image} external task of {@code Task_ScanImage} in the app: fetch and lock, scan the image
 * the task names ({@link ScanTask#IMAGE_SOURCE}) outside any transaction (no job-executor thread, no database connection held while it reads) with progress on the
 * publication, extend the lock while the scan runs, then complete the task with the report ({@link ScanTask}
 * stores it). A technical failure is retried, then becomes an incident whose message says what failed and what to
 * do.
 */
@Component
public class CertifyImageHandler {

    public static final String TOPIC = "certify-image";
    private static final Logger log = LoggerFactory.getLogger(CertifyImageHandler.class);

    private final ExternalTaskService externalTasks;
    private final CertificationService certification;
    private final ObjectMapper json;
    private final CertificationWorkerSettings settings;
    private final ScheduledExecutorService lockKeepers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "certification-lock-keeper");
        thread.setDaemon(true);
        return thread;
    });

    CertifyImageHandler(ExternalTaskService externalTasks, CertificationService certification,
            ObjectMapper json, CertificationWorkerSettings settings) {
        this.externalTasks = externalTasks;
        this.certification = certification;
        this.json = json;
        this.settings = settings;
    }

    /** Fetches, locks and works the next task, if there is one; false when there was none. */
    public boolean workNext(String workerId) {
        List<LockedExternalTask> tasks = externalTasks.fetchAndLock(1, workerId)
                .topic(TOPIC, settings.lockDuration().toMillis())
                .execute();
        if (tasks.isEmpty()) {
            return false;
        }
        work(tasks.get(0), workerId);
        return true;
    }

    private void work(LockedExternalTask task, String workerId) {
        String publicationId = (String) task.getVariables().get(ProcessVariables.PUBLICATION_ID);
        long extendEvery = Math.max(settings.lockDuration().toMillis() / 2, 1000);
        ScheduledFuture<?> lockKeeper = lockKeepers.scheduleAtFixedRate(() -> extendLock(task, workerId),
                extendEvery, extendEvery, TimeUnit.MILLISECONDS);
        try {
            CertificationReport report = certification.scan(publicationId,
                    ScanTask.imageSourceOf(task.getVariables()::get));
            lockKeeper.cancel(false);
            externalTasks.complete(task.getId(), workerId, ScanTask.completion(json, report));
            log.info("Publication {}: certification scan {} ({})", publicationId, report.outcome(), report.summary());
        } catch (Exception e) {
            lockKeeper.cancel(false);
            fail(task, workerId, publicationId, e);
        }
    }

    private void extendLock(LockedExternalTask task, String workerId) {
        try {
            externalTasks.extendLock(task.getId(), workerId, settings.lockDuration().toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not extend the lock of external task {}: {}", task.getId(), e.getMessage());
        }
    }

    private void fail(LockedExternalTask task, String workerId, String publicationId, Exception e) {
        int retries = task.getRetries() == null ? settings.retries() : task.getRetries() - 1;
        String message = "Certification scan of publication " + publicationId + " failed: " + e.getMessage()
                + (retries > 0 ? " (will retry)"
                : ". Fix the cause, then set this task's retries in Cockpit to scan again.");
        log.error(message, e);
        try {
            externalTasks.handleFailure(task.getId(), workerId, truncate(message), details(e), Math.max(retries, 0),
                    settings.retryTimeout().toMillis());
        } catch (RuntimeException failure) {
            log.error("Could not report the failure of external task {}", task.getId(), failure);
        }
    }

    private static String truncate(String message) {
        return message.length() <= 600 ? message : message.substring(0, 599) + "…";
    }

    /** The failure's causes and stack frames, for the incident's details in Cockpit. */
    private static String details(Throwable e) {
        StringBuilder details = new StringBuilder();
        for (Throwable cause = e; cause != null && details.length() < 8000; cause = cause.getCause()) {
            details.append(cause == e ? "" : "Caused by: ").append(cause).append('\n');
            for (StackTraceElement frame : cause.getStackTrace()) {
                details.append("\tat ").append(frame).append('\n');
            }
        }
        return details.toString();
    }
}
