package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.scanner.report.Evidence;

/** A layer as the report names it: its descriptor, its position in the first manifest listing it, scan order. */
record LayerRef(Descriptor descriptor, int scanIndex, int indexInManifest) {

    Evidence evidence(String path, String detail) {
        return new Evidence(descriptor.digest().toString(), indexInManifest, path, detail);
    }
}
