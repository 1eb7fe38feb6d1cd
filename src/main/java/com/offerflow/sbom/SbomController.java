package com.offerflow.sbom;

import com.offerflow.certification.CertificationReport;
import com.offerflow.certification.CertificationService;
import com.offerflow.identity.Caller;
import com.offerflow.identity.Groups;
import com.offerflow.offer.OfferPublications;
import com.offerflow.offer.TechnicalConfiguration;
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

import java.util.List;

/**
 * {@code GET /api/publications/{id}/sbom}: the CycloneDX 1.6 SBOM of the publication's image, made from its latest
 * certification report (what the scan read; nothing is read again), named by the offer's repository and version
 * tag as submitted. The same readers as the report: the publisher's organisation, certification reviewers, admins.
 */
@RestController
class SbomController {

    static final MediaType CYCLONEDX_JSON = MediaType.parseMediaType(CycloneDxSbom.MEDIA_TYPE);

    private final PublicationRepository publications;
    private final CertificationService certification;
    private final OfferPublications offers;

    SbomController(PublicationRepository publications, CertificationService certification,
            OfferPublications offers) {
        this.publications = publications;
        this.certification = certification;
        this.offers = offers;
    }

    @GetMapping("/api/publications/{publicationId}/sbom")
    ResponseEntity<byte[]> sbom(Caller caller, @PathVariable String publicationId) {
        Publication publication = publications.find(publicationId)
                .filter(p -> caller.canSee(p.publisherOrg()) || caller.groups().contains(Groups.CERTIFICATION_REVIEWERS))
                .orElseThrow(() -> ApiException.notFound("Publication", publicationId));
        CertificationReport report = certification.report(publication.publicationId())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "Publication '"
                        + publicationId + "' has no SBOM yet: it is made from the certification scan, which has not"
                        + " reported."));
        if (report.image() == null || report.image().manifestDigest() == null) {
            throw new ApiException(HttpStatus.NOT_FOUND, "not-found", "Publication '" + publicationId
                    + "' has no SBOM: the certification scan could not read the image.");
        }
        TechnicalConfiguration technical = offers.read(publication.offerSnapshot()).technicalConfiguration();
        byte[] sbom = CycloneDxSbom.json(report,
                new CycloneDxSbom.Subject(technical.repositoryName(), versionTag(technical.tags())));
        return ResponseEntity.ok().contentType(CYCLONEDX_JSON).body(sbom);
    }

    /** The first version tag ({@code 1.0.0}), else the first tag. */
    private static String versionTag(List<String> tags) {
        return tags.stream().filter(tag -> tag.matches(TechnicalConfiguration.VERSION_TAG_PATTERN)).findFirst()
                .orElse(tags.isEmpty() ? null : tags.get(0));
    }
}
