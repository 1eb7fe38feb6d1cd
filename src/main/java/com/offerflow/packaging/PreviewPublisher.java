package com.offerflow.packaging;

import com.offerflow.image.Descriptor;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;

import java.io.IOException;
import java.util.Map;

/**
 * Where the preview audience pulls a package: the embedded registry serves it from staging (nothing to do), or an
 * external preview registry, to which packaging pushes it (implemented by {@code distribution.replication}).
 */
public interface PreviewPublisher {

    /** Makes the staged package pullable as the offer's preview; idempotent. */
    void publish(String publicationId, OciLayout staging, Map<String, Descriptor> tagged, String repositoryName)
            throws IOException, InvalidImageException;
}
