package com.offerflow.packaging;

import com.offerflow.engine.ExternalTaskRunner;
import com.offerflow.engine.WorkerSettings;
import com.offerflow.process.ProcessVariables;
import com.offerflow.publication.PublicationContext;
import com.offerflow.publication.PublicationContexts;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Map;

/**
 * {@code Task_PackageImage}, the {@code package-image} external task: packages the publication's image (the
 * uploaded archive, or the registry image step 1 pinned) into its staging layout, outside any transaction, since a
 * registry pull can take long. A technical failure is retried, then becomes an incident that says what to check.
 */
@Component
public class PackageImageTask {

    public static final String TOPIC = "package-image";
    /** The transient variable the task is completed with: the package's manifest digest. */
    public static final String PACKAGE_DIGEST = "packageDigest";

    private final PublicationContexts publications;
    private final PackagingService packaging;
    private final ExternalTaskRunner runner;

    PackageImageTask(ExternalTaskService externalTasks, PublicationContexts publications, PackagingService packaging,
            Environment environment) {
        this.publications = publications;
        this.packaging = packaging;
        this.runner = new ExternalTaskRunner(externalTasks, TOPIC, "Packaging",
                "Check that the image can still be read (the registry reachable, the pinned image still there) and"
                        + " the disk under the data directory's staging/ folder, then set this task's retries in"
                        + " Cockpit to package again.",
                WorkerSettings.bind(environment, "offerflow.packaging.worker"), this::packageImage);
    }

    /** Fetches, locks and works the publication's packaging task, if it waits; false when it did not. */
    public boolean workNextOf(String workerId, String publicationId) {
        return runner.workNext(workerId, publicationId);
    }

    ExternalTaskRunner runner() {
        return runner;
    }

    private Map<String, Object> packageImage(LockedExternalTask task) throws IOException {
        PublicationContext publication = publications.load((String) task.getVariables().get(ProcessVariables.PUBLICATION_ID));
        PackagingService.Package result = packaging.packageImage(publication);
        return Map.of(PACKAGE_DIGEST, Variables.stringValue(result.digest().toString(), true));
    }

    /**
     * End listener of {@code Task_PackageImage}: records the package on the publication in the transaction that
     * completes the task, so a completion that fails (the publication was cancelled meanwhile, the lock was lost)
     * leaves no package behind on the publisher's view.
     */
    public void completed(DelegateExecution execution) {
        Object digest = execution.getVariable(PACKAGE_DIGEST);
        if (!execution.isCanceled() && digest instanceof String value) {
            publications.packaged((String) execution.getVariable(ProcessVariables.PUBLICATION_ID), value);
        }
    }
}
