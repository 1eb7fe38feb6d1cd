package com.offerflow.publication;

import java.time.Instant;

/** A publication of an offer, as recorded in the {@code publication} table. */
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
        String packageDigest) {
}
