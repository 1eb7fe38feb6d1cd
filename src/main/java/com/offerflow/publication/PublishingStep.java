package com.offerflow.publication;

/** The six steps of publishing a container offer, in order. */
public enum PublishingStep {
    VALIDATE_PREREQUISITES,
    CERTIFICATION,
    PACKAGING,
    PUBLISHER_SIGNOFF,
    REPLICATION,
    LIVE;

    public int position() {
        return ordinal() + 1;
    }
}
