package com.offerflow.process;

/** How the part before Go live ended (variable {@code preparationOutcome}, set by the model itself). */
public enum PreparationOutcome {
    GO_LIVE, CANCELLED, EXPIRED
}
