package com.offerflow.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads and writes the JSON documents of OCI images with bounded parsing: the size is checked before parsing and
 * Jackson's {@link StreamReadConstraints} bound nesting depth, number and string length, so a hostile document gives
 * an {@link InvalidImageException} instead of a {@link StackOverflowError} or an exhausted heap.
 */
public final class ImageJson {

    private final ImageLimits limits;
    private final ObjectMapper reader;
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public ImageJson(ImageLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxDocumentLength(Math.max(limits.maxManifestBytes(), limits.maxConfigBytes()))
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE,
                                Math.max(limits.maxManifestBytes(), limits.maxConfigBytes())))
                        .maxNumberLength(100)
                        .maxNameLength(64 * 1024)
                        .build())
                .build();
        this.reader = JsonMapper.builder(factory)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public ImageLimits limits() {
        return limits;
    }

    public ImageIndex index(byte[] json, String what) throws InvalidImageException {
        ImageIndex index = parse(json, limits.maxManifestBytes(), ImageIndex.class, "invalid-index", what);
        if (index.schemaVersion() != 2) {
            throw new InvalidImageException("invalid-index",
                    what + " has schemaVersion " + index.schemaVersion() + "; only version 2 is supported");
        }
        return index;
    }

    public ImageManifest manifest(byte[] json, String what) throws InvalidImageException {
        ImageManifest manifest = parse(json, limits.maxManifestBytes(), ImageManifest.class, "invalid-manifest", what);
        if (manifest.schemaVersion() != 2) {
            throw new InvalidImageException("invalid-manifest", what + " has schemaVersion "
                    + manifest.schemaVersion() + "; only version 2 (OCI or Docker v2 schema 2) is supported");
        }
        if (manifest.config() == null) {
            throw new InvalidImageException("invalid-manifest", what + " names no config blob");
        }
        return manifest;
    }

    public ImageConfig config(byte[] json, String what) throws InvalidImageException {
        return parse(json, limits.maxConfigBytes(), ImageConfig.class, "invalid-config", what);
    }

    /** A generic tree, for small documents such as the {@code oci-layout} file. */
    public JsonNode tree(byte[] json, long maxBytes, String code, String what) throws InvalidImageException {
        return parse(json, maxBytes, JsonNode.class, code, what);
    }

    public <T> T parse(byte[] json, long maxBytes, Class<T> type, String code, String what)
            throws InvalidImageException {
        if (json.length > maxBytes) {
            throw tooLarge(code, what, json.length, maxBytes);
        }
        try {
            T value = reader.readValue(json, type);
            if (value == null) {
                throw new InvalidImageException(code, what + " is empty (JSON null)");
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw new InvalidImageException(code, what + " exceeds a parsing limit (" + firstLine(e) + ")", e);
        } catch (JacksonException e) {
            throw new InvalidImageException(code, what + " is not valid: " + firstLine(e), e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidImageException(code, what + " cannot be read: " + firstLine(e), e);
        }
    }

    /** Compact JSON as OCI tools write it (no nulls, no pretty printing). */
    public static byte[] write(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InvalidImageException tooLarge(String code, String what, long size, long max) {
        return new InvalidImageException(code, what + " is " + size + " bytes, more than the limit of " + max
                + " bytes");
    }

    private static String firstLine(Throwable e) {
        String m = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }
}
