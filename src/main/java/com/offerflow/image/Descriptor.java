package com.offerflow.image;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OCI content descriptor: what a blob is, its digest and its size. Annotations and platform are optional
 * (annotations are an empty map, never null).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Descriptor(
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("digest") Digest digest,
        @JsonProperty("size") long size,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("platform") Platform platform) {

    /** The annotation that names a tag in an OCI layout's index.json. */
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    public Descriptor {
        if (digest == null) {
            throw new IllegalArgumentException("a descriptor needs a digest");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a descriptor's size cannot be negative: " + size);
        }
        annotations = annotations == null ? Map.of() : unmodifiableCopy(annotations);
    }

    public static Descriptor of(String mediaType, Digest digest, long size) {
        return new Descriptor(mediaType, digest, size, Map.of(), null);
    }

    /** The descriptor of the given bytes. */
    public static Descriptor of(String mediaType, byte[] content) {
        return of(mediaType, Digest.of(content), content.length);
    }

    /** The tag this descriptor carries in an index.json, or null. */
    @JsonIgnore
    public String refName() {
        return annotations.get(REF_NAME);
    }

    public Descriptor withAnnotation(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(annotations);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Descriptor(mediaType, digest, size, copy, platform);
    }

    public Descriptor withPlatform(Platform newPlatform) {
        return new Descriptor(mediaType, digest, size, annotations, newPlatform);
    }

    /** The same blob without annotations and platform: how a manifest references a config or layer. */
    public Descriptor plain() {
        return new Descriptor(mediaType, digest, size, Map.of(), null);
    }

    private static Map<String, String> unmodifiableCopy(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
