package com.offerflow.packaging;

import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * {@code Task_PackageImage} of process versions deployed before it became the {@code package-image} external task
 * ({@link PackageImageTask}): their instances may still wait at it as a job. Packages the publication's image into
 * its staging layout inside the job.
 */
@Component("packageImageDelegate")
class PackageImageDelegate implements JavaDelegate {

    private final PublicationContexts contexts;
    private final PackagingService packaging;

    PackageImageDelegate(PublicationContexts contexts, PackagingService packaging) {
        this.contexts = contexts;
        this.packaging = packaging;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PublicationContext publication = contexts.load(execution);
        try {
            contexts.packaged(publication.publicationId(), packaging.packageImage(publication).digest().toString());
        } catch (IOException e) {
            throw new PackagingFailedException(publication, e);
        }
    }
}
