package com.offerflow.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.PublicationRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The engine's side of {@code Task_ScanImage} (bean {@code scanTask}), whoever works it: the task carries the image
 * to scan ({@code ${scanTask.imageDigest(publicationId)}}, a local input), and a worker completes it with the report
 * as the transient variable {@value #REPORT} (JSON). When the task ends, {@link #completed} stores the report and its
 * findings and sets the outcome, in the completing transaction. So a worker needs only the engine's REST API and
 * read access to the image store, never the database.
 */
@Component("scanTask")
public class ScanTask {

    /** The transient variable a worker completes the task with: the certification report as JSON. */
    public static final String REPORT = "certificationReport";
    /** The task's local variable naming the archive to scan. */
    public static final String IMAGE_DIGEST = "imageDigest";

    private final PublicationRepository publications;
    private final CertificationService certification;
    private final ObjectMapper json;

    ScanTask(PublicationRepository publications, CertificationService certification, ObjectMapper json) {
        this.publications = publications;
        this.certification = certification;
        this.json = json;
    }

    public String imageDigest(String publicationId) {
        return publications.find(publicationId).orElseThrow().imageDigest();
    }

    public void completed(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // cancelled while scanning: there is no outcome
        }
        Object document = execution.getVariable(REPORT);
        if (!(document instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("Complete the certify-image task with the certification report as the "
                    + "transient String variable '" + REPORT + "'");
        }
        CertificationReport report;
        try {
            report = json.readValue(text, CertificationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The certification report of the certify-image task is not valid: "
                    + e.getOriginalMessage(), e);
        }
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        Map<String, Object> outcome = certification.record(publicationId, report);
        outcome.forEach(execution::setVariable);
    }

    /** The report as the transient variable a worker completes the task with. */
    public static Map<String, Object> completion(ObjectMapper json, CertificationReport report) {
        try {
            StringValue value = Variables.stringValue(json.writeValueAsString(report), true);
            return Map.of(REPORT, value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the certification report", e);
        }
    }
}
