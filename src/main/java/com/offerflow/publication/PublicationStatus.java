package com.offerflow.publication;

/** Where a publication stands, as its publisher sees it. */
public enum PublicationStatus {
    /** A step is running (or waiting for a certification reviewer). */
    IN_PROGRESS,
    /** Findings wait for the publisher: fix the offer or image and resubmit, or cancel. */
    ATTENTION_NEEDED,
    /** Packaged and visible to the preview audience: waiting for the publisher's Go live. */
    PREVIEW,
    /** Replicated and public: the end of a successful publication. */
    LIVE,
    CANCELLED,
    /** The publisher did not sign off in time. */
    EXPIRED;

    public boolean isEnded() {
        return this == LIVE || this == CANCELLED || this == EXPIRED;
    }
}
