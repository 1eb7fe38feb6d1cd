package com.offerflow.certification;

import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.PublishingStep;
import com.offerflow.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/publications/{id}/scan-progress}: how far a scan worker process has read the image, shown on the
 * publication's certification step. Only members of the group scan-workers may report, and only while the
 * publication is in certification.
 */
@RestController
class ScanProgressController {

    private final PublicationService publications;
    private final CertificationService certification;

    ScanProgressController(PublicationService publications, CertificationService certification) {
        this.publications = publications;
        this.certification = certification;
    }

    @PutMapping("/api/publications/{publicationId}/scan-progress")
    ResponseEntity<Void> progress(Caller caller, @PathVariable String publicationId,
            @Valid @RequestBody Progress progress) {
        if (!caller.groups().contains(Groups.SCAN_WORKERS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Only scan workers report scan progress.");
        }
        Publication publication = publications.get(caller, publicationId, Groups.SCAN_WORKERS);
        if (publication.currentStep() != PublishingStep.CERTIFICATION || publication.status().isEnded()) {
            throw ApiException.conflict("not-in-certification",
                    "Publication " + publicationId + " is not being certified.");
        }
        certification.progress(publicationId, progress.bytesScanned(), progress.bytesTotal());
        return ResponseEntity.noContent().build();
    }

    /** Bytes of the image read so far, of all. */
    record Progress(@PositiveOrZero long bytesScanned, @PositiveOrZero long bytesTotal) {

        @AssertTrue(message = "must not exceed bytesTotal")
        boolean isBytesScannedWithinTotal() {
            return bytesScanned <= bytesTotal;
        }
    }
}
