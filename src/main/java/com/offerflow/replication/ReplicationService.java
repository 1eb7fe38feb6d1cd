package com.offerflow.replication;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;
import com.offerflow.offer.OfferDocument;
import com.offerflow.storage.PackageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.Optional;

/**
 * Step 5: copies a publication's package from its staging layout to a region's copy of the offer's repository and
 * tags it there. Idempotent: blobs already in the region are skipped, tags are rewritten atomically, so a retry
 * after a crash repeats nothing that was done.
 */
@Service
public class ReplicationService {

    private static final Logger log = LoggerFactory.getLogger(ReplicationService.class);

    private final PackageStore store;
    private final Regions regions;

    ReplicationService(PackageStore store, Regions regions) {
        this.store = store;
        this.regions = regions;
    }

    public void replicate(String publicationId, OfferDocument offer, String regionId) throws IOException {
        if (!regions.contains(regionId)) {
            throw new IOException("Region '" + regionId + "' is not configured (offerflow.replication.regions)");
        }
        try (OciLayout staging = store.staging(publicationId);
             OciLayout region = store.region(regionId, offer.technicalConfiguration().repositoryName())) {
            for (String tag : offer.technicalConfiguration().tags()) {
                Descriptor manifest = PackageStore.manifestForTag(staging, tag).orElseThrow(() -> new IOException(
                        "The package of publication " + publicationId + " has no tag '" + tag + "' in staging"));
                ImageCopier.copy(staging, manifest, region);
                region.putManifest(manifest, tag);
            }
        } catch (InvalidImageException e) {
            throw new IOException("The staged package of publication " + publicationId + " is damaged: "
                    + e.getMessage(), e);
        }
        log.info("Publication {}: package replicated to {}", publicationId, regionId);
    }

    /** The manifest a region serves for a repository's tag, if any. */
    public Optional<Descriptor> served(String regionId, String repositoryName, String tag) throws IOException {
        if (!java.nio.file.Files.isDirectory(store.regionPath(regionId, repositoryName))) {
            return Optional.empty();
        }
        try (OciLayout region = store.region(regionId, repositoryName)) {
            return PackageStore.manifestForTag(region, tag);
        }
    }
}
