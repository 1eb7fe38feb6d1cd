package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.scanner.facts.LayerId;

/** A layer being read: its descriptor, its position in the first manifest listing it, and its place in scan order. */
record LayerRef(Descriptor descriptor, int scanIndex, int indexInManifest) {

    /** The layer as the report names it. */
    LayerId id() {
        return new LayerId(descriptor.digest().toString(), indexInManifest);
    }
}
