package com.offerflow.replication;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.Referrers;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;
import com.offerflow.offer.OfferDocument;
import com.offerflow.storage.PackageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 5: copies a publication's package from its staging layout to a region's copy of the offer's repository and
 * tags it there: the embedded store's layout, or the region's external registry ({@link ExternalRegions}, pushed
 * over the distribution API). Idempotent: blobs already in the region are skipped, tags are rewritten atomically, so
 * a retry after a crash repeats nothing that was done. Artifacts attached to the package in staging (manifests whose
 * {@code subject} is one of its manifests, and referrers fallback tags) travel with it.
 */
@Service
public class ReplicationService {

    private static final Logger log = LoggerFactory.getLogger(ReplicationService.class);

    private final PackageStore store;
    private final Regions regions;
    private final ExternalRegions external;

    ReplicationService(PackageStore store, Regions regions, ExternalRegions external) {
        this.store = store;
        this.regions = regions;
        this.external = external;
    }

    public void replicate(String publicationId, OfferDocument offer, String regionId) throws IOException {
        if (!regions.contains(regionId)) {
            throw new IOException("Region '" + regionId + "' is not configured (offerflow.replication.regions)");
        }
        if (external.isExternal(regionId)) {
            replicateToRegistry(publicationId, offer, regionId);
            return;
        }
        try (OciLayout staging = store.staging(publicationId);
             OciLayout region = store.region(regionId, offer.technicalConfiguration().repositoryName())) {
            Set<Digest> packaged = new HashSet<>();
            for (String tag : offer.technicalConfiguration().tags()) {
                Descriptor manifest = PackageStore.manifestForTag(staging, tag).orElseThrow(() -> new IOException(
                        "The package of publication " + publicationId + " has no tag '" + tag + "' in staging"));
                ImageCopier.copy(staging, manifest, region);
                region.putManifest(manifest, tag);
                packaged.add(manifest.digest());
            }
            for (Referrers.Referrer referrer : Referrers.of(staging, packaged)) {
                ImageCopier.copy(staging, referrer.manifest(), region);
                region.putManifest(referrer.manifest(), referrer.tag());
            }
        } catch (InvalidImageException e) {
            throw new IOException("The staged package of publication " + publicationId + " is damaged: "
                    + e.getMessage(), e);
        }
        log.info("Publication {}: package replicated to {}", publicationId, regionId);
    }

    private void replicateToRegistry(String publicationId, OfferDocument offer, String regionId) throws IOException {
        try (OciLayout staging = store.staging(publicationId)) {
            Map<String, Descriptor> tagged = new LinkedHashMap<>();
            for (String tag : offer.technicalConfiguration().tags()) {
                tagged.put(tag, PackageStore.manifestForTag(staging, tag).orElseThrow(() -> new IOException(
                        "The package of publication " + publicationId + " has no tag '" + tag + "' in staging")));
            }
            external.replicate(publicationId, staging, tagged, offer.technicalConfiguration().repositoryName(),
                    regionId);
        } catch (InvalidImageException e) {
            throw new IOException("The staged package of publication " + publicationId + " is damaged: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Step 6's check: every tag of the offer is served by the region, each with the manifest the package has under
     * that tag (an external region is asked over HTTP).
     *
     * @throws IOException naming the first tag the region does not serve as packaged
     */
    public void verify(String publicationId, OfferDocument offer, String regionId) throws IOException {
        String repository = offer.technicalConfiguration().repositoryName();
        try (OciLayout staging = store.staging(publicationId)) {
            for (String tag : offer.technicalConfiguration().tags()) {
                Digest packaged = PackageStore.manifestForTag(staging, tag).map(Descriptor::digest)
                        .orElseThrow(() -> new IOException("The package of publication " + publicationId
                                + " has no tag '" + tag + "' in staging"));
                Optional<Digest> served = external.isExternal(regionId) ? external.served(regionId, repository, tag)
                        : served(regionId, repository, tag).map(Descriptor::digest);
                if (served.isEmpty()) {
                    throw new IOException("Region " + regionId + " does not serve " + repository + ":" + tag
                            + " yet");
                }
                if (!served.get().equals(packaged)) {
                    throw new IOException("Region " + regionId + " serves " + served.get().shortForm() + " as "
                            + repository + ":" + tag + ", not the package's " + packaged.shortForm());
                }
            }
        }
    }

    /** The manifest the embedded store of a region serves for a repository's tag, if any. */
    public Optional<Descriptor> served(String regionId, String repositoryName, String tag) throws IOException {
        if (!java.nio.file.Files.isDirectory(store.regionPath(regionId, repositoryName))) {
            return Optional.empty();
        }
        try (OciLayout region = store.region(regionId, repositoryName)) {
            return PackageStore.manifestForTag(region, tag);
        }
    }
}
