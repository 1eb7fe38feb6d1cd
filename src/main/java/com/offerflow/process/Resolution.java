package com.offerflow.process;

/** The publisher's answer to findings (variable {@code resolution}). */
public enum Resolution {
    RESUBMIT, CANCEL
}
