package com.offerflow.certification;

import com.offerflow.scanner.report.CertificationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.function.Function;

/**
 * The engine's side of {@code Task_ScanImage} (bean {@code scanTask}), whoever works it: the task carries the image
 * to scan ({@code ${scanTask.imageSource(publicationId)}}, the local input {@value #IMAGE_SOURCE}: an uploaded
 * archive's {@code sha256:<hex>}, or the registry image step 1 pinned, {@code https://host/repo@sha256:<hex>}), and a
 * worker completes it with the report as the transient variable {@value #REPORT} (JSON). When the task ends,
 * {@link #completed} stores the report and its findings and sets the outcome, in the completing transaction. So a
 * worker needs only the engine's REST API and read access to the image store or the registry, never the database.
 */
@Component("scanTask")
public class ScanTask {

    /** The transient variable a worker completes the task with: the certification report as JSON. */
    public static final String REPORT = "certificationReport";
    /** The task's local variable naming the image to scan (see {@code com.offerflow.storage.PublicationImage}). */
    public static final String IMAGE_SOURCE = "imageSource";
    /**
     * The same, as process versions deployed before {@value #IMAGE_SOURCE} name it: their instances still wait at
     * (or come back to) the task with only this variable. Workers read it when {@value #IMAGE_SOURCE} is absent.
     */
    public static final String IMAGE_DIGEST = "imageDigest";

    private final PublicationContexts publications;
    private final CertificationService certification;
    private final ObjectMapper json;

    ScanTask(PublicationContexts publications, CertificationService certification, ObjectMapper json) {
        this.publications = publications;
        this.certification = certification;
        this.json = json;
    }

    /** The image the task scans: the registry image step 1 pinned, else the uploaded archive's digest. */
    public String imageSource(String publicationId) {
        String source = publications.load(publicationId).publication().imageSource();
        if (source == null) {
            throw new IllegalStateException("Publication " + publicationId + " has no image to scan: step 1 pinned"
                    + " none and no archive was uploaded");
        }
        return source;
    }

    /** The input expression of process versions deployed before {@link #imageSource}: the same value. */
    public String imageDigest(String publicationId) {
        return imageSource(publicationId);
    }

    /** The image a locked task names: {@value #IMAGE_SOURCE}, or {@value #IMAGE_DIGEST} of earlier versions. */
    public static String imageSourceOf(Function<String, Object> variables) {
        Object source = variables.apply(IMAGE_SOURCE);
        return (String) (source != null ? source : variables.apply(IMAGE_DIGEST));
    }

    /** End listener of the task: records the report the worker completed it with, and its outcome. */
    public void completed(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // cancelled while scanning: there is no outcome
        }
        PublicationContext publication = publications.load(execution);
        CertificationReport report = report(execution.getVariable(REPORT));
        publications.record(execution, certification.record(publication.publicationId(), report));
    }

    private CertificationReport report(Object document) {
        if (!(document instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("Complete the certify-image task with the certification report as the "
                    + "transient String variable '" + REPORT + "'");
        }
        try {
            return json.readValue(text, CertificationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The certification report of the certify-image task is not valid: "
                    + e.getOriginalMessage(), e);
        }
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
