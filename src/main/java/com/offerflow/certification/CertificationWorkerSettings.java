package com.offerflow.certification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The in-app worker of the {@code certify-image} external tasks ({@code offerflow.certification.worker.*}). Turn it
 * off on nodes that should not scan, and run scanning workers as separate processes (README, "Scanning workers").
 */
@ConfigurationProperties("offerflow.certification.worker")
public record CertificationWorkerSettings(
        @DefaultValue("true") boolean enabled,
        /* how long a worker holds a task before another may take it; extended while the scan runs */
        @DefaultValue("PT5M") Duration lockDuration,
        /* pause between polls when there is no task */
        @DefaultValue("PT1S") Duration pollInterval,
        /* retries of a scan that fails for a technical reason, before an incident */
        @DefaultValue("3") int retries,
        @DefaultValue("PT1M") Duration retryTimeout) {
}
