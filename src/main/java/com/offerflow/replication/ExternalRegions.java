package com.offerflow.replication;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Regions served by an external OCI registry instead of the embedded store (configured in
 * {@code offerflow.distribution.regions}; implemented by {@code distribution.replication}).
 */
public interface ExternalRegions {

    boolean isExternal(String regionId);

    /** Pushes the package (each tag's manifest, from the staging layout) to the region's registry. */
    void replicate(String publicationId, OciLayout staging, Map<String, Descriptor> tagged, String repositoryName,
            String regionId) throws IOException, InvalidImageException;

    /** The manifest digest the region's registry serves for the repository's tag, asked over HTTP. */
    Optional<Digest> served(String regionId, String repositoryName, String tag) throws IOException;
}
