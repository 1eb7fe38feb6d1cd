package com.offerflow.signing.simple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.offerflow.image.Digest;

import java.time.Instant;
import java.util.Map;

/**
 * The JSON document a simple signature signs ({@code containers-signature(5)}, "atomic container signature"):
 * <pre>{"critical":{"identity":{"docker-reference":"host/path:tag"},"image":{"docker-manifest-digest":"sha256:..."},
 * "type":"atomic container signature"},"optional":{"creator":"...","timestamp":1700000000}}</pre>
 * written as containers/image writes it (members in key order, no white space), so that a signature made here and
 * one made by {@code skopeo standalone-sign} differ only in the creator, the time and the cryptographic signature.
 *
 * @param manifestDigest the digest of the manifest (or image index) a client pulls
 * @param identity       the reference the signature vouches for
 * @param creator        the software that made the signature, with the version of its format
 * @param timestamp      when, in whole seconds
 */
public record SignaturePayload(Digest manifestDigest, DockerReference identity, String creator, Instant timestamp) {

    /** {@code critical.type}. */
    public static final String TYPE = "atomic container signature";
    /** {@code optional.creator} of Offerflow's signatures; the number changes whenever their format does. */
    public static final String CREATOR = "offerflow simple-signing 1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public static SignaturePayload of(Digest manifestDigest, DockerReference identity, Instant timestamp) {
        return new SignaturePayload(manifestDigest, identity, CREATOR, timestamp);
    }

    /** The document's bytes (UTF-8 JSON). */
    public byte[] toJson() {
        Map<String, Object> document = Map.of(
                "critical", Map.of(
                        "type", TYPE,
                        "image", Map.of("docker-manifest-digest", manifestDigest.toString()),
                        "identity", Map.of("docker-reference", identity.toString())),
                "optional", Map.of(
                        "creator", creator,
                        "timestamp", timestamp.getEpochSecond()));
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a signature payload", e);
        }
    }
}
