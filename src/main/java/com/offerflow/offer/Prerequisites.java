package com.offerflow.offer;

/**
 * The validation group of what a publication needs beyond a savable draft (step 1, "Validate prerequisites"), e.g.
 * a preview audience. Saving validates the default group; step 1 validates both.
 */
public interface Prerequisites {
}
