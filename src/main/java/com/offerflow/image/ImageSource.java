package com.offerflow.image;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an image is read from: an uploaded oci-archive, an OCI layout directory or a registry.
 *
 * <p>{@link InvalidImageException} means the image is wrong (retrying does not help); {@link IOException} means the
 * source could not be read right now (file vanished, registry down), so the caller may retry.
 */
public interface ImageSource extends Closeable {

    /** The top-level index: index.json of a layout, or for a registry an index listing the referenced manifest. */
    ImageIndex index() throws IOException, InvalidImageException;

    /**
     * The raw bytes of a blob as stored, not verified: callers verify digest and size while they read. A blob that
     * is not there is an {@link InvalidImageException} with code {@code missing-blob}.
     */
    InputStream openBlob(Descriptor descriptor) throws IOException, InvalidImageException;

    /** A human description of where the image comes from, e.g. {@code oci-archive:/data/uploads/42.tar}. */
    String reference();

    /** The limits this source was opened with. */
    ImageLimits limits();

    /**
     * Reads a small blob (a manifest, an index, a config) into memory: refused before reading when its descriptor
     * states more than {@code maxBytes}, refused while reading when it is longer than its descriptor says, and
     * verified against the descriptor's digest and size.
     */
    default byte[] readBlob(Descriptor descriptor, long maxBytes) throws IOException, InvalidImageException {
        String what = describe(descriptor);
        if (descriptor.size() > maxBytes) {
            throw ImageJson.tooLarge("blob-too-large", what, descriptor.size(), maxBytes);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) descriptor.size());
        MessageDigest md = Digest.sha256();
        try (InputStream in = openBlob(descriptor)) {
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > descriptor.size()) {
                    throw new InvalidImageException("size-mismatch", what + " is longer than the "
                            + descriptor.size() + " bytes its descriptor states");
                }
                md.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length != descriptor.size()) {
            throw new InvalidImageException("size-mismatch", what + " has " + bytes.length
                    + " bytes but its descriptor states " + descriptor.size());
        }
        Digest actual = Digest.fromBytes(md.digest());
        if (!actual.equals(descriptor.digest())) {
            throw new InvalidImageException("digest-mismatch", what + " has digest " + actual
                    + " but its descriptor states " + descriptor.digest());
        }
        return bytes;
    }

    /** Reads and parses an image manifest (bounded, verified). */
    default ImageManifest manifest(Descriptor descriptor) throws IOException, InvalidImageException {
        ImageJson json = new ImageJson(limits());
        return json.manifest(readBlob(descriptor, limits().maxManifestBytes()), describe(descriptor));
    }

    /** Reads and parses an image index (bounded, verified). */
    default ImageIndex imageIndex(Descriptor descriptor) throws IOException, InvalidImageException {
        ImageJson json = new ImageJson(limits());
        return json.index(readBlob(descriptor, limits().maxManifestBytes()), describe(descriptor));
    }

    /** Reads and parses an image config (bounded, verified). */
    default ImageConfig config(Descriptor descriptor) throws IOException, InvalidImageException {
        ImageJson json = new ImageJson(limits());
        return json.config(readBlob(descriptor, limits().maxConfigBytes()), describe(descriptor));
    }

    /** The tags of this image: the ref.name annotations of the top-level index. */
    default List<String> tags() throws IOException, InvalidImageException {
        return index().refNames();
    }

    /**
     * Every image manifest reachable from the top-level index, nested indexes resolved (bounded depth and count),
     * each once, in index order, with its platform and the tags that lead to it.
     */
    default List<PlatformManifest> manifests() throws IOException, InvalidImageException {
        Map<Digest, PlatformManifest> found = new LinkedHashMap<>();
        collect(index(), null, 0, found);
        if (found.isEmpty()) {
            throw new InvalidImageException("no-manifest", reference() + " contains no image manifest");
        }
        return new ArrayList<>(found.values());
    }

    private void collect(ImageIndex index, String tag, int depth, Map<Digest, PlatformManifest> found)
            throws IOException, InvalidImageException {
        for (Descriptor d : index.manifests()) {
            String refName = d.refName() != null ? d.refName() : tag;
            if (MediaTypes.isIndex(d.mediaType())) {
                if (depth + 1 >= limits().maxIndexDepth()) {
                    throw new InvalidImageException("index-too-deep", "image indexes nest more than "
                            + limits().maxIndexDepth() + " levels deep");
                }
                collect(imageIndex(d), refName, depth + 1, found);
            } else if (isAttestation(d)) {
                continue; // buildx provenance/SBOM attestations: an artifact beside the image, not a platform
            } else if (MediaTypes.isManifest(d.mediaType()) || d.mediaType() == null) {
                PlatformManifest known = found.get(d.digest());
                if (known != null) {
                    found.put(d.digest(), known.withTag(refName));
                    continue;
                }
                if (found.size() >= limits().maxManifests()) {
                    throw new InvalidImageException("too-many-manifests", "the image lists more than "
                            + limits().maxManifests() + " manifests");
                }
                ImageManifest manifest = manifest(d);
                found.put(d.digest(), new PlatformManifest(d, manifest, d.platform(),
                        refName == null ? List.of() : List.of(refName)));
            }
            // Other media types (signatures, attestations, SBOM artifacts) are not images: skipped.
        }
    }

    /**
     * Whether an index entry is a build attestation (docker buildx adds one per platform, with platform
     * unknown/unknown and the annotation {@code vnd.docker.reference.type: attestation-manifest}).
     */
    static boolean isAttestation(Descriptor d) {
        return d.annotations().containsKey("vnd.docker.reference.type")
                || d.platform() != null && "unknown".equals(d.platform().os())
                && "unknown".equals(d.platform().architecture());
    }

    static String describe(Descriptor d) {
        String kind;
        if (MediaTypes.isIndex(d.mediaType())) {
            kind = "image index";
        } else if (MediaTypes.isManifest(d.mediaType())) {
            kind = "image manifest";
        } else if (MediaTypes.OCI_CONFIG.equals(d.mediaType()) || MediaTypes.DOCKER_CONFIG.equals(d.mediaType())) {
            kind = "image config";
        } else {
            kind = "blob";
        }
        return kind + " " + d.digest().shortForm();
    }
}
