package com.offerflow.certification.worker;

import com.offerflow.engine.WorkerSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * A scan worker process ({@code offerflow.scan-worker.*}, profile {@code scan-worker}): where it reports progress
 * (the app's API) and how it retries. The engine's REST API and the worker's credentials are the Camunda external
 * task client's {@code camunda.bpm.client.*} settings; see application-scan-worker.yaml.
 */
@ConfigurationProperties("offerflow.scan-worker")
public record ScanWorkerSettings(
        @DefaultValue("http://localhost:8080") URI apiUrl,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("PT5M") Duration lockDuration,
        @DefaultValue("3") int retries,
        @DefaultValue("PT1M") Duration retryTimeout,
        @DefaultValue("PT2S") Duration progressInterval) {

    /** How the worker locks and retries its tasks (it long-polls, so it has no poll interval of its own). */
    WorkerSettings tasks() {
        return new WorkerSettings(true, lockDuration, Duration.ZERO, retries, retryTimeout);
    }
}
