package com.offerflow.publication;

import java.time.Instant;

/**
 * A publication of an offer, as recorded in the {@code publication} table: where it stands, the offer as submitted,
 * its timeline, and what its steps recorded. Its image is either the uploaded archive of its snapshot, or, when the
 * snapshot's technical configuration names a registry repository, the registry image that step 1 pinned.
 */
public record Publication(
        String publicationId,
        String offerId,
        String publisherOrg,
        PublicationStatus status,
        PublishingStep currentStep,
        Snapshot snapshot,
        String processInstanceId,
        Timeline timeline,
        StepResults results) {

    /** The offer as submitted (JSON), its revision, and its uploaded archive's digest (null when none). */
    public record Snapshot(String offerJson, int revision, String imageDigest) {
    }

    /** Who started it and when, when it is due, whether it is overdue, Go live, its end and the decision's comment. */
    public record Timeline(String startedBy, Instant startedAt, Instant dueAt, boolean overdue, Instant goLiveAt,
                           Instant endedAt, String outcomeComment) {
    }

    /**
     * What the steps recorded: the registry image step 1 pinned ({@code https://host/repository@sha256:...}), how far
     * the certification scan read, the package's digest. Each null until its step recorded it.
     */
    public record StepResults(String pinnedImage, Long scanBytesDone, Long scanBytesTotal, String packageDigest) {

        static final StepResults NONE = new StepResults(null, null, null, null);
    }

    /** A publication just started: in progress at step 1, nothing recorded yet. */
    static Publication started(String publicationId, String offerId, String publisherOrg, Snapshot snapshot,
            String startedBy, Instant startedAt, Instant dueAt) {
        return new Publication(publicationId, offerId, publisherOrg, PublicationStatus.IN_PROGRESS,
                PublishingStep.VALIDATE_PREREQUISITES, snapshot, null,
                new Timeline(startedBy, startedAt, dueAt, false, null, null, null), StepResults.NONE);
    }

    /**
     * What certification and packaging read, as the scan task's {@code imageSource}: the pinned registry image, else
     * the uploaded archive's digest (null while neither is known).
     */
    public String imageSource() {
        return results.pinnedImage() != null ? results.pinnedImage() : snapshot.imageDigest();
    }
}
