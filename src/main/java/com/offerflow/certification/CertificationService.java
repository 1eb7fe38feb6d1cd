package com.offerflow.certification;

import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.CertificationSummaries;
import com.offerflow.process.ReviewDecision;
import com.offerflow.process.ScanOutcome;
import com.offerflow.publication.Finding;
import com.offerflow.publication.PublicationContexts;
import com.offerflow.publication.PublishingStep;
import com.offerflow.publication.StepOutcome;
import com.offerflow.storage.ImageSources;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Step 2's business: scans the publication's image and turns the report into the process outcome and the findings
 * the publisher sees. The scan itself runs outside any transaction (it takes as long as the image is large);
 * {@link #record} stores its result in the caller's transaction.
 */
@Service
public class CertificationService implements CertificationSummaries {

    private static final int MAX_EVIDENCE_PER_FINDING = 5;
    private static final PublishingStep STEP = PublishingStep.CERTIFICATION;

    private final PublicationContexts publications;
    private final CertificationReports reports;
    private final ImageSources sources;
    private final ImageScanner scanner;
    private final Clock clock;

    CertificationService(PublicationContexts publications, CertificationReports reports, ImageSources sources,
            ImageScanner scanner, Clock clock) {
        this.publications = publications;
        this.reports = reports;
        this.sources = sources;
        this.scanner = scanner;
        this.clock = clock;
    }

    /**
     * Scans the image the scan task names (an uploaded archive, or the registry image step 1 pinned), reporting
     * progress on the publication as it goes.
     *
     * @throws IOException when the image cannot be read now (a technical failure: the task is retried)
     */
    public CertificationReport scan(String publicationId, String imageSource) throws IOException {
        return ImageScan.scan(scanner, sources, imageSource,
                (done, total) -> publications.scanProgress(publicationId, done, total));
    }

    /** Progress reported by a scan worker that runs as a separate process. */
    public void progress(String publicationId, long bytesScanned, long bytesTotal) {
        publications.scanProgress(publicationId, bytesScanned, bytesTotal);
    }

    /** Stores the report; returns its findings and the outcome's variables (the scan outcome, whether certified). */
    public StepOutcome record(String publicationId, CertificationReport report) {
        reports.save(publicationId, report, clock.instant());
        return new StepOutcome(STEP, findings(report), switch (report.outcome()) {
            case PASSED -> Map.of(ProcessVariables.SCAN_OUTCOME, ScanOutcome.PASSED.name(),
                    ProcessVariables.CERTIFIED, true);
            case FAILED -> Map.of(ProcessVariables.SCAN_OUTCOME, ScanOutcome.FAILED.name(),
                    ProcessVariables.CERTIFIED, false);
            case NEEDS_REVIEW -> Map.of(ProcessVariables.SCAN_OUTCOME, ScanOutcome.NEEDS_REVIEW.name());
        });
    }

    /**
     * A reviewer's decision on the warnings: accepted, the image is certified; sent back, the warnings and the
     * reviewer's comment become the publisher's findings.
     */
    public StepOutcome review(String publicationId, ReviewDecision decision, String reviewer, String comment) {
        List<Finding> findings = new ArrayList<>();
        if (decision == ReviewDecision.SEND_BACK) {
            findings.add(Finding.error(STEP, "image", "CertificationReview",
                    "sent back by certification reviewer " + reviewer + ": " + comment,
                    "Fix what the reviewer asks for, upload the image again and resubmit."));
            reports.find(publicationId).ifPresent(report -> report.warnings().forEach(check ->
                    findings.add(finding("WARNING", check))));
        }
        return new StepOutcome(STEP, findings,
                Map.of(ProcessVariables.CERTIFIED, decision == ReviewDecision.ACCEPT));
    }

    @Override
    public java.util.Optional<String> summary(String publicationId) {
        return report(publicationId).map(CertificationReport::summary);
    }

    public java.util.Optional<CertificationReport> report(String publicationId) {
        return reports.find(publicationId);
    }

    static List<Finding> findings(CertificationReport report) {
        List<Finding> findings = new ArrayList<>();
        report.failed().forEach(check -> findings.add(finding("ERROR", check)));
        report.errors().forEach(check -> findings.add(finding("ERROR", check)));
        if (report.outcome() == CertificationReport.Outcome.FAILED) {
            report.warnings().forEach(check -> findings.add(finding("WARNING", check)));
        }
        return findings;
    }

    private static Finding finding(String severity, CheckResult check) {
        String evidence = check.evidence() == null || check.evidence().isEmpty() ? "" : " — " + check.evidence()
                .stream().limit(MAX_EVIDENCE_PER_FINDING).map(Evidence::toString)
                .collect(Collectors.joining("; "))
                + (check.evidence().size() > MAX_EVIDENCE_PER_FINDING
                ? " and " + (check.evidence().size() - MAX_EVIDENCE_PER_FINDING) + " more" : "");
        return new Finding(STEP, severity, "image", check.name(),
                check.description() + evidence, check.suggestion());
    }
}
