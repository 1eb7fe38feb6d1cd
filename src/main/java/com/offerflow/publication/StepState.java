package com.offerflow.publication;

/** The state of one publishing step of a publication. */
public enum StepState {
    NOT_STARTED,
    IN_PROGRESS,
    COMPLETED,
    /** The step found problems that the publisher must fix; it runs again after a resubmission. */
    ATTENTION_NEEDED,
    /** The publication was cancelled or expired while the step was in progress. */
    STOPPED
}
