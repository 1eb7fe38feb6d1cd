package com.offerflow.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.certification.CertificationService;
import com.offerflow.image.Descriptor;
import com.offerflow.offer.OfferPublications;
import com.offerflow.offer.TechnicalConfiguration;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.sbom.cyclonedx.CycloneDxSbom;
import com.offerflow.sbom.referrers.ReferrerArtifacts;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/**
 * The documents that go with a publication's package, from what is stored: its SBOM (made from the certification
 * report, named by the offer's repository and version tag as submitted) and its certification report. The SBOM
 * endpoint serves the first; the registry push (with the distribution work) attaches both to the package as OCI
 * artifacts ({@link #artifacts}).
 */
@Service
public class PackageAttachments {

    private final PublicationRepository publications;
    private final CertificationService certification;
    private final OfferPublications offers;
    private final ObjectMapper json;

    PackageAttachments(PublicationRepository publications, CertificationService certification,
            OfferPublications offers, ObjectMapper json) {
        this.publications = publications;
        this.certification = certification;
        this.offers = offers;
        this.json = json;
    }

    /** Why a publication has no SBOM (yet), in words for its publisher; empty when it has one. */
    public Optional<String> missing(String publicationId) {
        Optional<CertificationReport> report = certification.report(publicationId);
        if (report.isEmpty()) {
            return Optional.of("it is made from the certification scan, which has not reported");
        }
        if (report.get().image() == null || report.get().image().manifestDigest() == null) {
            return Optional.of("the certification scan could not read the image");
        }
        return Optional.empty();
    }

    /** The CycloneDX 1.6 SBOM of the publication's image; empty when {@link #missing} says why not. */
    public Optional<byte[]> sbom(String publicationId) {
        if (missing(publicationId).isPresent()) {
            return Optional.empty();
        }
        Publication publication = publications.find(publicationId).orElseThrow();
        TechnicalConfiguration technical = offers.read(publication.snapshot().offerJson()).technicalConfiguration();
        return Optional.of(CycloneDxSbom.json(certification.report(publicationId).orElseThrow(),
                new CycloneDxSbom.Subject(technical.repositoryName(), versionTag(technical.tags()))));
    }

    /**
     * The SBOM and the certification report as OCI artifacts of the package's manifest, in that order, dated by
     * the scan (so that a retried push pushes the same manifests); empty when the publication has no SBOM.
     */
    public List<ReferrerArtifacts.Artifact> artifacts(String publicationId, Descriptor packageManifest) {
        Optional<byte[]> sbom = sbom(publicationId);
        if (sbom.isEmpty()) {
            return List.of();
        }
        CertificationReport report = certification.report(publicationId).orElseThrow();
        try {
            return List.of(ReferrerArtifacts.sbom(sbom.get(), packageManifest, report.scannedAt()),
                    ReferrerArtifacts.certificationReport(json.writeValueAsBytes(report), packageManifest,
                            report.scannedAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the certification report", e);
        }
    }

    /** The first version tag ({@code 1.0.0}), else the first tag. */
    private static String versionTag(List<String> tags) {
        return tags.stream().filter(tag -> tag.matches(TechnicalConfiguration.VERSION_TAG_PATTERN)).findFirst()
                .orElse(tags.isEmpty() ? null : tags.get(0));
    }
}
