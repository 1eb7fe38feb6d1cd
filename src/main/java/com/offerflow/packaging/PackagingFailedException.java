package com.offerflow.packaging;

import com.offerflow.publication.PublicationContext;

import java.io.IOException;

/** A technical failure of packaging, with a message an operator can act on in Cockpit. */
class PackagingFailedException extends RuntimeException {

    PackagingFailedException(PublicationContext publication, IOException cause) {
        super("Packaging publication " + publication.publicationId() + " failed: " + cause.getMessage() + ". "
                + (publication.publication().results().pinnedImage() != null ? "Check that the registry is"
                + " reachable and still has " + publication.publication().results().pinnedImage() + ", and"
                : "Check") + " the disk under the data directory's staging/ folder, then retry the job in"
                + " Cockpit.", cause);
    }
}
