package com.offerflow.certification;

import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.scanner.report.CertificationReport;
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

    private final PublicationRepository publications;
    private final CertificationService certification;

    CertificationReportController(PublicationRepository publications, CertificationService certification) {
        this.publications = publications;
        this.certification = certification;
    }

    @GetMapping("/api/publications/{publicationId}/certification-report")
    CertificationReport report(Caller caller, @PathVariable String publicationId) {
        Publication publication = publications.find(publicationId)
                .filter(p -> caller.canSee(p.publisherOrg()) || caller.groups().contains(Groups.CERTIFICATION_REVIEWERS))
                .orElseThrow(() -> ApiException.notFound("Publication", publicationId));
        return certification.report(publication.publicationId()).orElseThrow(() -> ApiException.notFound(
                "Certification report of publication", publicationId));
    }
}
