package com.offerflow.image;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Copies an image (a manifest with its config and layers, or an image index with all its manifests) from a source
 * into an OCI layout. Blobs the target already has are skipped; every blob is verified as it is written; the
 * manifest is stored after its blobs and listed in index.json last, so an interrupted copy leaves no listed image
 * with missing blobs, and running the copy again finishes it.
 */
public final class ImageCopier {

    private static final Logger log = LoggerFactory.getLogger(ImageCopier.class);

    private ImageCopier() {
    }

    /** Copies the blobs of {@code manifest} and stores the manifest blob; index.json is left unchanged. */
    public static CopyResult copy(ImageSource from, Descriptor manifest, OciLayout to)
            throws IOException, InvalidImageException {
        CopyResult result = new CopyResult();
        copy(from, manifest, to, 0, result);
        return result;
    }

    /** Copies as {@link #copy(ImageSource, Descriptor, OciLayout)} and then lists the manifest under a tag. */
    public static CopyResult copy(ImageSource from, Descriptor manifest, OciLayout to, String refName)
            throws IOException, InvalidImageException {
        CopyResult result = copy(from, manifest, to);
        to.putManifest(manifest.withAnnotation(Descriptor.REF_NAME, null), refName);
        return result;
    }

    private static void copy(ImageSource from, Descriptor descriptor, OciLayout to, int depth, CopyResult result)
            throws IOException, InvalidImageException {
        if (to.hasBlob(descriptor.digest()) && depth > 0 && !MediaTypes.isIndex(descriptor.mediaType())) {
            // a stored manifest implies its blobs were stored before it
            result.skipped++;
            return;
        }
        byte[] bytes = from.readBlob(descriptor, from.limits().maxManifestBytes());
        ImageJson json = new ImageJson(from.limits());
        if (MediaTypes.isIndex(descriptor.mediaType())) {
            if (depth + 1 >= from.limits().maxIndexDepth()) {
                throw new InvalidImageException("index-too-deep", "image indexes nest too deeply");
            }
            ImageIndex index = json.index(bytes, ImageSource.describe(descriptor));
            for (Descriptor child : index.manifests()) {
                copy(from, child, to, depth + 1, result);
            }
        } else {
            ImageManifest manifest = json.manifest(bytes, ImageSource.describe(descriptor));
            copyBlob(from, manifest.config(), to, result);
            for (Descriptor layer : manifest.layers()) {
                copyBlob(from, layer, to, result);
            }
        }
        if (to.hasBlob(descriptor.digest()) || to.linkShared(descriptor.digest())) {
            result.skipped++;
        } else {
            to.putBlob(descriptor.plain(), new ByteArrayInputStream(bytes));
            result.copied++;
            result.bytes += bytes.length;
        }
    }

    private static void copyBlob(ImageSource from, Descriptor blob, OciLayout to, CopyResult result)
            throws IOException, InvalidImageException {
        if (to.hasBlob(blob.digest()) || to.linkShared(blob.digest())) {
            result.skipped++;
            return;
        }
        try (InputStream in = from.openBlob(blob)) {
            to.putBlob(blob, in);
        }
        result.copied++;
        result.bytes += blob.size();
        log.debug("copied {} ({} bytes) from {} to {}", blob.digest(), blob.size(), from.reference(), to.dir());
    }

    /** What a copy did: blobs written, blobs already present, bytes written. */
    public static final class CopyResult {
        private int copied;
        private int skipped;
        private long bytes;

        public int copied() {
            return copied;
        }

        public int skipped() {
            return skipped;
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public String toString() {
            return "copied " + copied + " blobs (" + bytes + " bytes), skipped " + skipped;
        }
    }
}
