package com.offerflow.scanner.report;

import java.util.List;
import java.util.Map;

/**
 * What was scanned: the reference, the digest of the scanned manifest (the linux/amd64 one when the image has
 * several platforms), the platforms, the tags, layer count, compressed size (all blobs as stored) and uncompressed
 * size (all layers), the user and labels of the primary platform's config.
 */
public record ImageSummary(
        String reference,
        String manifestDigest,
        List<String> platforms,
        List<String> tags,
        int layerCount,
        long compressedSize,
        long uncompressedSize,
        String user,
        Map<String, String> labels) {

    public ImageSummary {
        platforms = platforms == null ? List.of() : List.copyOf(platforms);
        tags = tags == null ? List.of() : List.copyOf(tags);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(labels));
    }
}
