package com.offerflow.scanner.facts;

import com.offerflow.scanner.report.Evidence;

/**
 * A layer as the report names it: its digest, and its position (0-based) in the first manifest that lists it.
 */
public record LayerId(String digest, int index) {

    /** Evidence found in this layer, at {@code path} (null for the layer as a whole). */
    public Evidence evidence(String path, String detail) {
        return new Evidence(digest, index, path, detail);
    }
}
