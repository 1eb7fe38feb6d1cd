package com.offerflow.publication;


import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A publication as its publisher follows it: where it stands, each of the six steps with its times, expected
 * duration and overdue flag, the estimated completion, and the findings that need the publisher's attention. Its
 * image is the uploaded archive {@code imageDigest}, or the registry image step 1 pinned ({@code pinnedImage}).
 */
record PublicationView(
        String publicationId,
        String offerId,
        int offerRevision,
        String imageDigest,
        String pinnedImage,
        PublicationStatus status,
        PublishingStep currentStep,
        String startedBy,
        Instant startedAt,
        Instant dueAt,
        boolean overdue,
        Instant estimatedCompletion,
        Instant goLiveAt,
        Instant endedAt,
        String outcomeComment,
        String packageDigest,
        List<StepView> steps,
        List<Finding> findings) {

    record StepView(int position, PublishingStep step, StepState state, Instant startedAt, Instant endedAt,
                    Duration expectedDuration, boolean overdue, int attempts, ScanProgress progress) {
    }

    /** How far the certification scan has read the image. */
    record ScanProgress(long bytesScanned, long bytesTotal) {
    }

    static PublicationView of(Publication p, List<StepRecord> steps, List<Finding> findings, SlaPolicy sla,
            Instant now) {
        List<StepView> stepViews = steps.stream().map(s -> new StepView(s.step().position(), s.step(), s.state(),
                s.startedAt(), s.endedAt(), s.expectedDuration() != null ? s.expectedDuration()
                        : sla.expected(s.step()).orElse(null), s.overdue(), s.attempts(),
                s.step() == PublishingStep.CERTIFICATION && p.results().scanBytesTotal() != null
                        ? new ScanProgress(p.results().scanBytesDone(), p.results().scanBytesTotal()) : null))
                .toList();
        Publication.Timeline timeline = p.timeline();
        return new PublicationView(p.publicationId(), p.offerId(), p.snapshot().revision(),
                p.snapshot().imageDigest(), p.results().pinnedImage(), p.status(), p.currentStep(),
                timeline.startedBy(), timeline.startedAt(), timeline.dueAt(), timeline.overdue(),
                estimatedCompletion(p, stepViews, now), timeline.goLiveAt(), timeline.endedAt(),
                timeline.outcomeComment(), p.results().packageDigest(), stepViews,
                p.status() == PublicationStatus.ATTENTION_NEEDED ? findings : List.of());
    }

    /**
     * When the publication would be live if every remaining step takes its expected time and the publisher signs
     * off (or resubmits) at once: the running step's expected end (or now, when it is late), plus the expected
     * durations of the steps after it. None once the publication ended.
     */
    static Instant estimatedCompletion(Publication p, List<StepView> steps, Instant now) {
        if (p.status().isEnded()) {
            return null;
        }
        Instant estimate = now;
        for (StepView step : steps) {
            Duration expected = step.expectedDuration() == null ? Duration.ZERO : step.expectedDuration();
            if (step.state() == StepState.COMPLETED) {
                continue;
            }
            if (step.state() == StepState.IN_PROGRESS && step.startedAt() != null) {
                Instant end = step.startedAt().plus(expected);
                estimate = end.isAfter(estimate) ? end : estimate;
            } else {
                estimate = estimate.plus(expected);
            }
        }
        return estimate;
    }
}
