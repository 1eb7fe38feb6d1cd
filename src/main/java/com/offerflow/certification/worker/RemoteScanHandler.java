package com.offerflow.certification.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.certification.CertifyImageHandler;
import com.offerflow.certification.ImageScan;
import com.offerflow.certification.ScanTask;
import com.offerflow.process.LockKeeper;
import com.offerflow.process.ProcessVariables;
import com.offerflow.process.TaskFailure;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.storage.ImageSources;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ScheduledFuture;

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
        ScheduledFuture<?> lockKeeper = LockKeeper.keep(settings.lockDuration(), () -> extendLock(task, service));
        CertificationReport report;
        try {
            report = ImageScan.scan(scanner, sources, imageSource,
                    (done, total) -> progress.report(publicationId, done, total));
        } catch (Exception | Error e) {
            // an Error too: the task must not stay locked for ever
            TaskFailure failure = TaskFailure.of("Certification scan of publication " + publicationId + " by worker "
                    + task.getWorkerId(), task.getRetries(), settings.retries(), e, "Fix the cause (is the image"
                    + " store shared with this worker, can it reach the registry?), then set this task's retries in"
                    + " Cockpit to scan again.");
            log.error(failure.message(), e);
            try {
                service.handleFailure(task, failure.message(), failure.details(), failure.retries(),
                        settings.retryTimeout().toMillis());
            } catch (RuntimeException unreported) {
                log.error("Could not report the failure of external task {}", task.getId(), unreported);
            }
            return;
        } finally {
            lockKeeper.cancel(false);
        }
        service.complete(task, ScanTask.completion(json, report), null);
        log.info("Publication {}: certification scan {}", publicationId, report.outcome());
    }

    private void extendLock(ExternalTask task, ExternalTaskService service) {
        try {
            service.extendLock(task, settings.lockDuration().toMillis());
        } catch (RuntimeException e) {
            log.warn("Could not extend the lock of external task {}: {}", task.getId(), e.getMessage());
        }
    }
}
