package com.offerflow.process;

/** A certification reviewer's decision on warnings (variable {@code reviewDecision}). */
public enum ReviewDecision {
    ACCEPT, SEND_BACK
}
