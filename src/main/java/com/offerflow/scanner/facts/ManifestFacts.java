package com.offerflow.scanner.facts;

import com.offerflow.image.Digest;
import com.offerflow.image.Platform;

import java.util.List;
import java.util.Map;

/**
 * One image manifest with a readable config: what the index, the manifest and the config say, and the file system
 * its layers make.
 *
 * @param digest           the manifest's digest
 * @param platform         the platform the index states, else the config's; null when neither tells
 * @param tags             the tags that lead to it
 * @param layers           its layers' digests, bottom to top
 * @param diffIds          the config's {@code rootfs.diff_ids}
 * @param user             the config's {@code User}; null when unset
 * @param labels           the config's labels
 * @param annotations      the manifest's annotations
 * @param indexAnnotations the annotations of the index's descriptor of the manifest
 * @param fileSystem       the final file system; null when the layers were not read
 */
public record ManifestFacts(Digest digest, Platform platform, List<String> tags, List<Digest> layers,
                            List<Digest> diffIds, String user, Map<String, String> labels,
                            Map<String, String> annotations, Map<String, String> indexAnnotations,
                            FileSystemFacts fileSystem) {

    public ManifestFacts {
        tags = List.copyOf(tags);
        layers = List.copyOf(layers);
        diffIds = List.copyOf(diffIds);
        labels = copy(labels);
        annotations = copy(annotations);
        indexAnnotations = copy(indexAnnotations);
    }

    /** An unmodifiable copy; unlike {@code Map.copyOf}, it keeps what a hostile JSON may hold (null values). */
    private static Map<String, String> copy(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    /** The platform as text ({@code linux/amd64}), {@code null} when unknown. */
    public String platformText() {
        return String.valueOf(platform);
    }

    public ManifestFacts withFileSystem(FileSystemFacts fs) {
        return new ManifestFacts(digest, platform, tags, layers, diffIds, user, labels, annotations,
                indexAnnotations, fs);
    }
}
