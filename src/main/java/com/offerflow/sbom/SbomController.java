package com.offerflow.sbom;

import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.sbom.cyclonedx.CycloneDxSbom;
import com.offerflow.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/publications/{id}/sbom}: the CycloneDX 1.6 SBOM of the publication's image, made from its latest
 * certification report (what the scan read; nothing is read again). The same readers as the report: the
 * publisher's organisation, certification reviewers, admins.
 */
@RestController
class SbomController {

    static final MediaType CYCLONEDX_JSON = MediaType.parseMediaType(CycloneDxSbom.MEDIA_TYPE);

    private final PublicationRepository publications;
    private final PackageAttachments attachments;

    SbomController(PublicationRepository publications, PackageAttachments attachments) {
        this.publications = publications;
        this.attachments = attachments;
    }

    @GetMapping("/api/publications/{publicationId}/sbom")
    ResponseEntity<byte[]> sbom(Caller caller, @PathVariable String publicationId) {
        Publication publication = publications.find(publicationId)
                .filter(p -> caller.canSee(p.publisherOrg()) || caller.groups().contains(Groups.CERTIFICATION_REVIEWERS))
                .orElseThrow(() -> ApiException.notFound("Publication", publicationId));
        byte[] sbom = attachments.sbom(publication.publicationId()).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "not-found", "Publication '" + publicationId + "' has no SBOM yet: "
                + attachments.missing(publication.publicationId()).orElse("") + "."));
        return ResponseEntity.ok().contentType(CYCLONEDX_JSON).body(sbom);
    }
}
