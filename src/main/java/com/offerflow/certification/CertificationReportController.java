package com.offerflow.certification;

import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.publication.PublicationService;
import com.offerflow.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/publications/{id}/certification-report}: the latest scan's report, for the publisher's
 * organisation and for certification reviewers.
 */
@RestController
class CertificationReportController {

    private final PublicationService publications;
    private final CertificationService certification;

    CertificationReportController(PublicationService publications, CertificationService certification) {
        this.publications = publications;
        this.certification = certification;
    }

    @GetMapping("/api/publications/{publicationId}/certification-report")
    CertificationReport report(Caller caller, @PathVariable String publicationId) {
        publications.get(caller, publicationId, Groups.CERTIFICATION_REVIEWERS);
        return certification.report(publicationId).orElseThrow(() -> ApiException.notFound(
                "Certification report of publication", publicationId));
    }
}
