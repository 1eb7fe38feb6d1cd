package com.offerflow.image;

/**
 * Bounds for reading images that strangers made. Every JSON document (index, manifest, config) is refused before
 * parsing when it is larger than its limit, and parsed with bounded nesting depth and string length.
 *
 * @param maxManifestBytes largest index.json, image index or manifest (the distribution spec asks registries to
 *                         accept at least 4 MiB)
 * @param maxConfigBytes   largest image config blob
 * @param maxJsonDepth     deepest nesting of JSON arrays and objects
 * @param maxIndexDepth    how many image indexes may nest inside each other (index.json to index to manifest is 2)
 * @param maxManifests     how many manifests an image (all its indexes together) may list
 * @param maxArchiveEntries how many tar entries an oci-archive may have (a real one has a few hundred)
 * @param maxArchiveBytes  largest oci-archive file
 */
public record ImageLimits(
        long maxManifestBytes,
        long maxConfigBytes,
        int maxJsonDepth,
        int maxIndexDepth,
        int maxManifests,
        int maxArchiveEntries,
        long maxArchiveBytes) {

    public static final long MIB = 1024L * 1024;
    public static final long GIB = 1024L * MIB;

    public ImageLimits {
        if (maxManifestBytes <= 0 || maxConfigBytes <= 0 || maxJsonDepth <= 0 || maxIndexDepth <= 0
                || maxManifests <= 0 || maxArchiveEntries <= 0 || maxArchiveBytes <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + this);
        }
        if (maxManifestBytes > Integer.MAX_VALUE - 16 || maxConfigBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("JSON documents are read into memory: keep them under 2 GiB");
        }
    }

    /** 4 MiB manifests, 8 MiB configs, depth 64, 3 nested indexes, 1000 manifests, 100 000 entries, 64 GiB. */
    public static ImageLimits defaults() {
        return new ImageLimits(4 * MIB, 8 * MIB, 64, 3, 1000, 100_000, 64 * GIB);
    }

    public ImageLimits withMaxManifestBytes(long value) {
        return new ImageLimits(value, maxConfigBytes, maxJsonDepth, maxIndexDepth, maxManifests, maxArchiveEntries,
                maxArchiveBytes);
    }

    public ImageLimits withMaxArchiveBytes(long value) {
        return new ImageLimits(maxManifestBytes, maxConfigBytes, maxJsonDepth, maxIndexDepth, maxManifests,
                maxArchiveEntries, value);
    }

    public ImageLimits withMaxArchiveEntries(int value) {
        return new ImageLimits(maxManifestBytes, maxConfigBytes, maxJsonDepth, maxIndexDepth, maxManifests, value,
                maxArchiveBytes);
    }
}
