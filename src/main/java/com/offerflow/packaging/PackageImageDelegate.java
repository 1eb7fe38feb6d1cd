package com.offerflow.packaging;

import com.offerflow.offer.OfferPublications;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.Publication;
import com.offerflow.publication.PublicationRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PackageImage} of process versions deployed before it became the {@code package-image} external task
 * ({@link PackageImageTask}): their instances may still wait at it as a job. Packages the publication's image into
 * its staging layout inside the job.
 */
@Component("packageImageDelegate")
class PackageImageDelegate implements JavaDelegate {

    private final PublicationRepository publications;
    private final OfferPublications offers;
    private final PackagingService packaging;

    PackageImageDelegate(PublicationRepository publications, OfferPublications offers, PackagingService packaging) {
        this.publications = publications;
        this.offers = offers;
        this.packaging = packaging;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String publicationId = (String) execution.getVariable(ProcessVariables.PUBLICATION_ID);
        Publication publication = publications.find(publicationId).orElseThrow();
        try {
            PackagingService.Package result = packaging.packageImage(publicationId,
                    offers.read(publication.offerSnapshot()), publication.imageSource());
            publications.packageDigest(publicationId, result.digest().toString());
        } catch (java.io.IOException e) {
            throw new PackagingFailedException("Packaging publication " + publicationId + " failed: "
                    + e.getMessage() + ". " + (publication.pinnedImage() != null
                    ? "Check that the registry is reachable and still has " + publication.pinnedImage() + ", and"
                    : "Check") + " the disk under the data directory's staging/ folder, then retry the job in"
                    + " Cockpit.", e);
        }
    }

    /** A technical failure of packaging, with a message an operator can act on in Cockpit. */
    static class PackagingFailedException extends RuntimeException {

        PackagingFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
