package com.offerflow.packaging;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.OciArchive;
import com.offerflow.image.OciLayout;
import com.offerflow.offer.OfferDocument;
import com.offerflow.storage.ImageArchives;
import com.offerflow.storage.PackageStore;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3: packages the certified image for customers: its manifests, configs and layers copied into the
 * publication's staging layout, tagged with the technical configuration's tags. Idempotent: a retry finds the
 * blobs in place and rewrites the same tags.
 */
@Service
public class PackagingService {

    private final ImageArchives archives;
    private final PackageStore store;

    PackagingService(ImageArchives archives, PackageStore store) {
        this.archives = archives;
        this.store = store;
    }

    /**
     * Packages the image and returns the package: its tags and the manifest each names.
     *
     * @throws IOException when the image cannot be read or the staging store written (retried, then an incident)
     */
    public Package packageImage(String publicationId, OfferDocument offer, String imageDigest) throws IOException {
        Map<String, Descriptor> tagged = new LinkedHashMap<>();
        try (OciArchive image = OciArchive.open(archives.path(Digest.parse(imageDigest)), ImageLimits.defaults())) {
            OciLayout staging = store.staging(publicationId);
            for (String tag : offer.technicalConfiguration().tags()) {
                Descriptor manifest = PackageStore.manifestForTag(image, tag)
                        .orElseThrow(() -> new IOException("The image has no manifest tagged '" + tag
                                + "', though step 1 found it; was the image store changed?"));
                ImageCopier.copy(image, manifest, staging);
                staging.putManifest(manifest, tag);
                tagged.put(tag, manifest);
            }
        } catch (com.offerflow.image.InvalidImageException e) {
            throw new IOException("The certified image " + imageDigest + " can no longer be read: " + e.getMessage(), e);
        }
        return new Package(offer.technicalConfiguration().repositoryName(), tagged);
    }

    /** A packaged offer: the repository it is published under and the manifest of each tag. */
    public record Package(String repositoryName, Map<String, Descriptor> manifests) {

        /** The package's digest: the manifest of the first tag (the publisher's listed order). */
        public Digest digest() {
            return manifests.values().iterator().next().digest();
        }

        public List<String> tags() {
            return List.copyOf(manifests.keySet());
        }
    }
}
