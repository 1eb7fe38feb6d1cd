package com.offerflow.publication;

import java.time.Duration;
import java.time.Instant;

/** One step of a publication, as recorded in the {@code publication_step} table. */
public record StepRecord(PublishingStep step, StepState state, Duration expectedDuration, Instant startedAt,
                         Instant endedAt, int attempts, boolean overdue) {
}
