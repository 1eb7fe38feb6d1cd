package com.offerflow.certification.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.certification.CertificationReport;
import com.offerflow.certification.CertifyImageHandler;
import com.offerflow.certification.ImageScan;
import com.offerflow.certification.ScanTask;
import com.offerflow.certification.scan.ImageScanner;
import com.offerflow.process.ProcessVariables;
import com.offerflow.storage.ImageSources;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Works {@code certify-image} tasks in a scan worker process, through the Camunda external task client: scans the
 * image the task names ({@link ScanTask#IMAGE_SOURCE}: an archive in the shared image store, or a registry image
 * pinned by digest), keeps the lock while it reads, reports progress to the app, and completes the task with the
 * report (the engine stores it, see {@link ScanTask}). A technical failure is retried, then becomes an incident.
 */
@Component
@ExternalTaskSubscription(topicName = CertifyImageHandler.TOPIC,
        variableNames = {ProcessVariables.PUBLICATION_ID, ScanTask.IMAGE_SOURCE, ScanTask.IMAGE_DIGEST})
class RemoteScanHandler implements ExternalTaskHandler {

    private static final Logger log = LoggerFactory.getLogger(RemoteScanHandler.class);

    private final ImageScanner scanner;
    private final ImageSources sources;
    private final ProgressReporter progress;
    private final ScanWorkerSettings settings;
    private final ObjectMapper json;
    private final ScheduledExecutorService lockKeepers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scan-lock-keeper");
        thread.setDaemon(true);
        return thread;
    });

    RemoteScanHandler(ImageScanner scanner, ImageSources sources, ProgressReporter progress,
            ScanWorkerSettings settings, ObjectMapper json) {
        this.scanner = scanner;
        this.sources = sources;
        this.progress = progress;
        this.settings = settings;
        this.json = json;
    }

    @Override
    public void execute(ExternalTask task, ExternalTaskService service) {
        String publicationId = task.getVariable(ProcessVariables.PUBLICATION_ID);
        String imageSource = ScanTask.imageSourceOf(task::getVariable);
        long every = Math.max(settings.lockDuration().toMillis() / 2, 1000);
        ScheduledFuture<?> lockKeeper = lockKeepers.scheduleAtFixedRate(
                () -> extendLock(task, service), every, every, TimeUnit.MILLISECONDS);
        try {
            CertificationReport report = ImageScan.scan(scanner, sources, imageSource,
                    (done, total) -> progress.report(publicationId, done, total));
            lockKeeper.cancel(false);
            service.complete(task, ScanTask.completion(json, report), null);
            log.info("Publication {}: certification scan {}", publicationId, report.outcome());
        } catch (Exception e) {
            lockKeeper.cancel(false);
            int retries = task.getRetries() == null ? settings.retries() : task.getRetries() - 1;
            String message = "Certification scan of publication " + publicationId + " by worker "
                    + task.getWorkerId() + " failed: " + e.getMessage() + (retries > 0 ? " (will retry)"
                    : ". Fix the cause (is the image store shared with this worker, can it reach the registry?),"
                    + " then set this task's retries in Cockpit to scan again.");
            log.error(message, e);
            service.handleFailure(task, message.length() > 600 ? message.substring(0, 599) + "…" : message,
                    e.toString(), Math.max(retries, 0), settings.retryTimeout().toMillis());
        }
    }

    private void extendLock(ExternalTask task, ExternalTaskService service) {
        try {
            service.extendLock(task, settings.lockDuration().toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not extend the lock of external task {}: {}", task.getId(), e.getMessage());
        }
    }
}
