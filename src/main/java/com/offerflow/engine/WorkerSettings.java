package com.offerflow.engine;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * How a worker works the external tasks of one topic: whether the app's own worker runs, how long it holds a task
 * (extended while it works), how often it polls when there is none, and how often a technical failure is retried
 * before an incident. Bound from a prefix of the step's ({@code offerflow.certification.worker.*},
 * {@code offerflow.packaging.worker.*}); a separate scan worker process takes its own from
 * {@code offerflow.scan-worker.*}.
 */
public record WorkerSettings(
        @DefaultValue("true") boolean enabled,
        /* how long a worker holds a task before another may take it; extended while the work runs */
        @DefaultValue("PT5M") Duration lockDuration,
        /* pause between polls when there is no task */
        @DefaultValue("PT1S") Duration pollInterval,
        /* retries of work that fails for a technical reason, before an incident */
        @DefaultValue("3") int retries,
        @DefaultValue("PT1M") Duration retryTimeout) {

    /** The settings under {@code prefix}, each one that is not set at its default. */
    public static WorkerSettings bind(Environment environment, String prefix) {
        return Binder.get(environment).bindOrCreate(prefix, WorkerSettings.class);
    }
}
