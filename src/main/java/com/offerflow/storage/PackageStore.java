package com.offerflow.storage;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciLayout;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where packaged offers wait for Go live ({@code <data-dir>/staging/<publicationId>}, an OCI image layout per
 * publication, the preview's source) and where each region serves them ({@code <data-dir>/regions/<region>/
 * <repository>}, an OCI image layout per repository, tagged as the offer's technical configuration says). Their
 * blobs are hard links into one content-addressed store ({@link #blobs()}).
 */
@Component
public class PackageStore {

    private final DataDirectory data;

    PackageStore(DataDirectory data) {
        this.data = data;
    }

    /** The manifest an image's index tags {@code tag} ({@code org.opencontainers.image.ref.name}). */
    public static Optional<Descriptor> manifestForTag(ImageSource image, String tag) throws IOException {
        try {
            return image.index().manifests().stream().filter(d -> tag.equals(d.refName())).findFirst();
        } catch (InvalidImageException e) {
            throw new IOException("The index of " + image.reference() + " is unreadable: " + e.getMessage(), e);
        }
    }

    public OciLayout staging(String publicationId) throws IOException {
        return OciLayout.create(stagingPath(publicationId), ImageLimits.defaults(), blobs());
    }

    /**
     * The content-addressed blob store that staging and the regions' layouts share ({@code <data-dir>/blobs}): their
     * blob files are hard links to it, so a blob is written once, whatever number of publications and regions hold
     * it, and replication to the embedded regions writes no blob bytes.
     */
    public Path blobs() {
        return data.folder("blobs");
    }

    public Path stagingPath(String publicationId) {
        return data.folder("staging").resolve(publicationId);
    }

    public OciLayout region(String regionId, String repositoryName) throws IOException {
        return OciLayout.create(regionPath(regionId, repositoryName), ImageLimits.defaults(), blobs());
    }

    /** The region's copy of a repository; the repository name is validated to be lowercase path components. */
    public Path regionPath(String regionId, String repositoryName) {
        Path region = data.folder("regions").resolve(regionId);
        Path path = region.resolve(repositoryName).normalize();
        if (!path.startsWith(region)) {
            throw new IllegalArgumentException("Repository name escapes the region folder: " + repositoryName);
        }
        return path;
    }
}
