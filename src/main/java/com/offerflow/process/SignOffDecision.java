package com.offerflow.process;

/** The publisher's decision on the preview (variable {@code signOffDecision}). */
public enum SignOffDecision {
    GO_LIVE, REJECT
}
