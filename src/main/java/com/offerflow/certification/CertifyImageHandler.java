package com.offerflow.certification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.engine.ExternalTaskRunner;
import com.offerflow.engine.WorkerSettings;
import com.offerflow.process.ProcessVariables;
import com.offerflow.scanner.report.CertificationReport;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Works the {@code certify-image} external tasks of {@code Task_ScanImage} in the app, through an
 * {@link ExternalTaskRunner}: scans the image the task names ({@link ScanTask#IMAGE_SOURCE}) with progress on the
 * publication, then completes the task with the report ({@link ScanTask} stores it).
 */
@Component
public class CertifyImageHandler {

    public static final String TOPIC = "certify-image";
    private static final Logger log = LoggerFactory.getLogger(CertifyImageHandler.class);

    private final CertificationService certification;
    private final ObjectMapper json;
    private final ExternalTaskRunner runner;

    CertifyImageHandler(ExternalTaskService externalTasks, CertificationService certification,
            ObjectMapper json, Environment environment) {
        this.certification = certification;
        this.json = json;
        this.runner = new ExternalTaskRunner(externalTasks, TOPIC, "Certification scan",
                "Fix the cause, then set this task's retries in Cockpit to scan again.",
                WorkerSettings.bind(environment, "offerflow.certification.worker"), this::scan);
    }

    /** Fetches, locks and works the next task, if there is one; false when there was none. */
    public boolean workNext(String workerId) {
        return runner.workNext(workerId);
    }

    ExternalTaskRunner runner() {
        return runner;
    }

    private Map<String, Object> scan(LockedExternalTask task) throws Exception {
        String publicationId = (String) task.getVariables().get(ProcessVariables.PUBLICATION_ID);
        CertificationReport report = certification.scan(publicationId,
                ScanTask.imageSourceOf(task.getVariables()::get));
        log.info("Publication {}: certification scan {} ({})", publicationId, report.outcome(), report.summary());
        return ScanTask.completion(json, report);
    }
}
