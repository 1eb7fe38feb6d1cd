package com.offerflow.process;

/** The scanner's outcome, which routes Task_ScanImage's gateway (variable {@code scanOutcome}). */
public enum ScanOutcome {
    PASSED, NEEDS_REVIEW, FAILED
}
