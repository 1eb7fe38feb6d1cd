package com.offerflow.packaging;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageCopier;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciArchive;
import com.offerflow.image.OciLayout;
import com.offerflow.image.registry.RegistryImageSource;
import com.offerflow.offer.OfferDocument;
import com.offerflow.publication.PublicationContext;
import com.offerflow.storage.ImageArchives;
import com.offerflow.storage.ImageSources;
import com.offerflow.storage.PackageStore;
import com.offerflow.storage.PublicationImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3: packages the certified image for customers: its manifests, configs and layers copied into the
 * publication's staging layout, tagged with the technical configuration's tags. The image is the one certification
 * scanned: the uploaded archive's tagged manifests, or the registry image step 1 pinned by digest (under every tag,
 * wherever the registry's tags point now), then published where the preview audience pulls it
 * ({@link PreviewPublisher}). Idempotent: a retry finds the blobs in place and rewrites the same tags.
 */
@Service
public class PackagingService {

    private static final Logger log = LoggerFactory.getLogger(PackagingService.class);

    private final ImageArchives archives;
    private final ImageSources sources;
    private final PackageStore store;
    private final PreviewPublisher preview;

    PackagingService(ImageArchives archives, ImageSources sources, PackageStore store, PreviewPublisher preview) {
        this.archives = archives;
        this.sources = sources;
        this.store = store;
        this.preview = preview;
    }

    /**
     * Packages the publication's image (the one certification scanned) as its snapshot's technical configuration
     * says.
     *
     * @throws IOException when the image cannot be read or the staging store written (retried, then an incident)
     */
    public Package packageImage(PublicationContext publication) throws IOException {
        return packageImage(publication.publicationId(), publication.offer(), publication.publication().imageSource());
    }

    /**
     * Packages the image and returns the package: its tags and the manifest each names.
     *
     * @param imageSource the publication's image: an uploaded archive's digest, or a pinned registry reference
     * @throws IOException when the image cannot be read or the staging store written (retried, then an incident)
     */
    public Package packageImage(String publicationId, OfferDocument offer, String imageSource) throws IOException {
        PublicationImage image = PublicationImage.parse(imageSource);
        Map<String, Descriptor> tagged;
        try {
            tagged = image.fromRegistry() ? fromRegistry(publicationId, offer, image)
                    : fromArchive(publicationId, offer, image.archive());
            try (OciLayout staging = store.staging(publicationId)) {
                preview.publish(publicationId, staging, tagged, offer.technicalConfiguration().repositoryName());
            }
        } catch (InvalidImageException e) {
            throw new IOException("The certified image " + imageSource + " can no longer be read: " + e.getMessage(),
                    e);
        }
        return new Package(offer.technicalConfiguration().repositoryName(), tagged);
    }

    private Map<String, Descriptor> fromArchive(String publicationId, OfferDocument offer, Digest archive)
            throws IOException, InvalidImageException {
        Map<String, Descriptor> tagged = new LinkedHashMap<>();
        try (OciArchive image = OciArchive.open(archives.path(archive), ImageLimits.defaults())) {
            OciLayout staging = store.staging(publicationId);
            for (String tag : offer.technicalConfiguration().tags()) {
                Descriptor manifest = PackageStore.manifestForTag(image, tag)
                        .orElseThrow(() -> new IOException("The image has no manifest tagged '" + tag
                                + "', though step 1 found it; was the image store changed?"));
                ImageCopier.copy(image, manifest, staging);
                staging.putManifest(manifest, tag);
                tagged.put(tag, manifest);
            }
        }
        return tagged;
    }

    /** The pinned image, copied once (blobs streamed from the registry, verified) and listed under every tag. */
    private Map<String, Descriptor> fromRegistry(String publicationId, OfferDocument offer, PublicationImage image)
            throws IOException, InvalidImageException {
        Map<String, Descriptor> tagged = new LinkedHashMap<>();
        try (RegistryImageSource source = sources.openRegistry(image.pinned(), ImageLimits.defaults())) {
            OciLayout staging = store.staging(publicationId);
            Descriptor manifest = source.top();
            ImageCopier.CopyResult copied = ImageCopier.copy(source, manifest, staging);
            for (String tag : offer.technicalConfiguration().tags()) {
                staging.putManifest(manifest, tag);
                tagged.put(tag, manifest);
            }
            log.info("Publication {}: packaged {} as {} ({})", publicationId, image, tagged.keySet(), copied);
        }
        return tagged;
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
