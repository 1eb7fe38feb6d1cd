package com.offerflow.publication;

import java.time.Instant;

/**
 * A publication of an offer, as recorded in the {@code publication} table. Its image is either the uploaded archive
 * {@code imageDigest} of its snapshot, or, when the snapshot's technical configuration names a registry repository,
 * the registry image that step 1 pinned ({@code pinnedImage}, {@code https://host/repository@sha256:...}).
 */
public record Publication(
        String publicationId,
        String offerId,
        String publisherOrg,
        PublicationStatus status,
        PublishingStep currentStep,
        String offerSnapshot,
        int offerRevision,
        String imageDigest,
        String processInstanceId,
        String startedBy,
        Instant startedAt,
        Instant dueAt,
        boolean overdue,
        Instant goLiveAt,
        Instant endedAt,
        String outcomeComment,
        Long scanBytesDone,
        Long scanBytesTotal,
        String packageDigest,
        String pinnedImage) {

    /**
     * What certification and packaging read, as the scan task's {@code imageSource}: the pinned registry image, else
     * the uploaded archive's digest (null while neither is known).
     */
    public String imageSource() {
        return pinnedImage != null ? pinnedImage : imageDigest;
    }
}
