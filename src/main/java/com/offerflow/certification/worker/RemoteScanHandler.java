package com.offerflow.certification.worker;

import com.offerflow.scanner.report.CertificationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.certification.CertifyImageHandler;
import com.offerflow.certification.ImageScan;
import com.offerflow.certification.ScanTask;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.engine.ExternalTaskFlow;
import com.offerflow.process.ProcessVariables;
import com.offerflow.storage.ImageSources;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Works {@code certify-image} tasks in a scan worker process, through the Camunda external task client: scans the
 * image the task names ({@link ScanTask#IMAGE_SOURCE}: an archive in the shared image store, or a registry image
 * pinned by digest), reports progress to the app, and completes the task with the report (the engine stores it, see
 * {@link ScanTask}), following the same {@link ExternalTaskFlow} as the app's workers: the lock kept while it reads,
 * a technical failure retried, then an incident.
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
        ExternalTaskFlow.work(new Locked(task, service), "Certification scan of publication " + publicationId
                + " by worker " + task.getWorkerId(), "Fix the cause (is the image store shared with this worker, can"
                + " it reach the registry?), then set this task's retries in Cockpit to scan again.",
                settings.tasks(), () -> scan(task, publicationId));
    }

    private Map<String, Object> scan(ExternalTask task, String publicationId) throws Exception {
        CertificationReport report = ImageScan.scan(scanner, sources, ScanTask.imageSourceOf(task::getVariable),
                (done, total) -> progress.report(publicationId, done, total));
        log.info("Publication {}: certification scan {}", publicationId, report.outcome());
        return ScanTask.completion(json, report);
    }

    /** A task locked through the external task client. */
    private record Locked(ExternalTask task, ExternalTaskService service) implements ExternalTaskFlow.LockedTask {

        @Override
        public String id() {
            return task.getId();
        }

        @Override
        public Integer retries() {
            return task.getRetries();
        }

        @Override
        public void extendLock(long lockDurationMillis) {
            service.extendLock(task, lockDurationMillis);
        }

        @Override
        public void complete(Map<String, Object> variables) {
            service.complete(task, variables, null);
        }

        @Override
        public void handleFailure(String message, String details, int retries, long retryTimeoutMillis) {
            service.handleFailure(task, message, details, retries, retryTimeoutMillis);
        }
    }
}
