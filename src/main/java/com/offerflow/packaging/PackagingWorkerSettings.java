package com.offerflow.packaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** The in-app worker of the {@code package-image} external tasks ({@code offerflow.packaging.worker.*}). */
@ConfigurationProperties("offerflow.packaging.worker")
public record PackagingWorkerSettings(
        @DefaultValue("true") boolean enabled,
        /* how long a worker holds a task before another may take it; extended while packaging runs */
        @DefaultValue("PT5M") Duration lockDuration,
        /* pause between polls when there is no task */
        @DefaultValue("PT1S") Duration pollInterval,
        /* retries of packaging that fails for a technical reason, before an incident */
        @DefaultValue("5") int retries,
        @DefaultValue("PT1M") Duration retryTimeout) {
}
