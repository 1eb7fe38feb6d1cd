package com.offerflow.process;

import com.offerflow.certification.CertificationService;
import com.offerflow.offer.OfferDocument;
import com.offerflow.offer.OfferPublications;
import com.offerflow.offer.Plan;
import com.offerflow.publication.Finding;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.scanner.report.CertificationReport;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the user tasks' Camunda Forms show, as short texts computed when a task is created (the tasks' input
 * parameters, {@code ${taskViews.offerName(publicationId)}}): the offer, the certification summary, the preview
 * and the findings. The forms show them in read-only text fields, never as HTML.
 */
@Component("taskViews")
public class TaskViews {

    private static final int MAX_LINES = 30;

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final CertificationService certification;

    TaskViews(PublicationRepository publications, OfferPublications offers, CertificationService certification) {
        this.publications = publications;
        this.offers = offers;
        this.certification = certification;
    }

    public String offerName(String publicationId) {
        OfferDocument offer = offer(publicationId);
        return offer.listing().name() + " (" + offer.offerId() + ")";
    }

    public String publisherOrganisation(String publicationId) {
        return publication(publicationId).publisherOrg();
    }

    public String offerSummary(String publicationId) {
        OfferDocument offer = offer(publicationId);
        StringBuilder text = new StringBuilder(offer.listing().searchSummary()).append('\n');
        for (Plan plan : offer.plans()) {
            text.append("Plan ").append(plan.name()).append(" (").append(plan.planId()).append("): ")
                    .append(String.join(", ", plan.regions())).append('\n');
        }
        text.append("Image: ").append(offer.technicalConfiguration().repositoryName()).append(':')
                .append(String.join(", ", offer.technicalConfiguration().tags()));
        return text.toString();
    }

    public String certificationSummary(String publicationId) {
        return certification.report(publicationId).map(CertificationReport::summary)
                .orElse("No certification report yet.");
    }

    public String certificationReportLink(String publicationId) {
        return "/api/publications/" + publicationId + "/certification-report";
    }

    public String previewSummary(String publicationId) {
        Publication publication = publication(publicationId);
        OfferDocument offer = offers.read(publication.offerSnapshot());
        return "Package " + publication.packageDigest() + " staged as " + offer.technicalConfiguration().repositoryName()
                + ":" + String.join(", ", offer.technicalConfiguration().tags()) + "\nVisible to "
                + offer.previewAudience().size() + " preview subscription(s): " + offer.previewAudience().stream()
                .map(s -> s.subscriptionId()).collect(Collectors.joining(", "))
                + (publication.pinnedImage() == null ? "" : "\nImage pulled from " + publication.pinnedImage());
    }

    public String previewLink(String publicationId) {
        return "/api/publications/" + publicationId + "/preview";
    }

    public String findingsSummary(String publicationId) {
        List<Finding> findings = publications.findings(publicationId);
        if (findings.isEmpty()) {
            return "No findings recorded.";
        }
        String lines = findings.stream().limit(MAX_LINES).map(f -> "- [" + f.step() + "] "
                        + (f.field() == null ? "" : f.field() + ": ") + f.message()
                        + (f.suggestion() == null ? "" : " → " + f.suggestion()))
                .collect(Collectors.joining("\n"));
        return findings.size() > MAX_LINES
                ? lines + "\n… and " + (findings.size() - MAX_LINES) + " more: GET /api/publications/" + publicationId
                : lines;
    }

    private Publication publication(String publicationId) {
        return publications.find(publicationId).orElseThrow(() ->
                new IllegalStateException("Publication " + publicationId + " is missing"));
    }

    private OfferDocument offer(String publicationId) {
        return offers.read(publication(publicationId).offerSnapshot());
    }
}
