package com.offerflow.sbom.referrers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageJson;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * The OCI artifacts that attach documents to a package in a registry (OCI image spec 1.1 "artifacts", distribution
 * spec 1.1 "referrers"): an image manifest whose {@code artifactType} says what the document is, whose config is
 * the empty descriptor ({@code application/vnd.oci.empty.v1+json}, the two bytes {@code {}}), whose one layer is
 * the document, and whose {@code subject} is the package's manifest. A registry with the referrers API lists it
 * under {@code GET /v2/<name>/referrers/<subject digest>}; for one without, the pusher keeps the spec's fallback: an
 * image index tagged {@code sha256-<hex>} of the subject that lists every referrer ({@link #fallbackTag},
 * {@link #withReferrer}). Pure functions: pushing them is the caller's.
 *
 * <p>Artifact types: the SBOM is {@value #SBOM} (CycloneDX's registered media type); the certification report is
 * {@value #CERTIFICATION_REPORT}, a vendor type of Offerflow's, since no standard one says "a marketplace's
 * certification report" (its layer is the report as {@code GET /api/publications/{id}/certification-report}
 * answers it).
 */
public final class ReferrerArtifacts {

    public static final String SBOM = "application/vnd.cyclonedx+json";
    public static final String CERTIFICATION_REPORT = "application/vnd.offerflow.certification-report.v1+json";
    public static final String EMPTY_MEDIA_TYPE = "application/vnd.oci.empty.v1+json";
    /** The empty JSON object, the content of the empty descriptor. */
    public static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
    static final String TITLE = "org.opencontainers.image.title";
    static final String CREATED = "org.opencontainers.image.created";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ReferrerArtifacts() {
    }

    /** An artifact manifest and the blobs it names, ready to push: the config, then the layer, then the manifest. */
    public record Artifact(String artifactType, byte[] manifest, Descriptor descriptor, byte[] layer,
                           Descriptor layerDescriptor) {

        /** The empty config blob ({@code {}}) and its descriptor. */
        public Descriptor configDescriptor() {
            return Descriptor.of(EMPTY_MEDIA_TYPE, EMPTY);
        }
    }

    /** The SBOM (CycloneDX JSON) as an artifact of the package's manifest. */
    public static Artifact sbom(byte[] sbom, Descriptor subject, Instant created) {
        return artifact(SBOM, sbom, SBOM, "sbom.cdx.json", subject, created);
    }

    /** The certification report (its JSON) as an artifact of the package's manifest. */
    public static Artifact certificationReport(byte[] report, Descriptor subject, Instant created) {
        return artifact(CERTIFICATION_REPORT, report, CERTIFICATION_REPORT, "certification-report.json", subject,
                created);
    }

    /** The referrers fallback tag of a subject: {@code sha256-<hex>}. */
    public static String fallbackTag(Digest subject) {
        return subject.algorithm() + "-" + subject.hex();
    }

    /**
     * The fallback tag's image index with the artifact listed (once: an artifact already listed is not listed
     * again), starting from the index the tag names now, or from an empty one when it names none.
     *
     * @param current the index the fallback tag names in the registry, or null when the tag does not exist
     * @throws IllegalArgumentException when {@code current} is not an image index
     */
    public static byte[] withReferrer(byte[] current, Artifact artifact) {
        ObjectNode index;
        if (current == null) {
            index = JSON.createObjectNode();
            index.put("schemaVersion", 2);
            index.put("mediaType", MediaTypes.OCI_INDEX);
            index.putArray("manifests");
        } else {
            index = readIndex(current);
        }
        ArrayNode manifests = (ArrayNode) index.get("manifests");
        for (JsonNode listed : manifests) {
            if (artifact.descriptor().digest().toString().equals(listed.path("digest").asText())) {
                return write(index);
            }
        }
        ObjectNode entry = descriptor(artifact.descriptor());
        entry.put("artifactType", artifact.artifactType());
        JsonNode annotations = readTree(artifact.manifest()).get("annotations"); // our own manifest
        if (annotations != null) {
            entry.set("annotations", annotations);
        }
        manifests.add(entry);
        return write(index);
    }

    private static Artifact artifact(String artifactType, byte[] document, String documentMediaType, String title,
            Descriptor subject, Instant created) {
        Objects.requireNonNull(subject, "subject");
        Descriptor layer = Descriptor.of(documentMediaType, document);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.put("artifactType", artifactType);
        ObjectNode config = descriptor(Descriptor.of(EMPTY_MEDIA_TYPE, EMPTY));
        config.put("data", Base64.getEncoder().encodeToString(EMPTY));
        manifest.set("config", config);
        manifest.putArray("layers").add(descriptor(layer.withAnnotation(TITLE, title)));
        manifest.set("subject", descriptor(subject.plain()));
        manifest.set("annotations", JSON.valueToTree(Map.of(CREATED, created.toString())));
        byte[] bytes = write(manifest);
        return new Artifact(artifactType, bytes, Descriptor.of(MediaTypes.OCI_MANIFEST, bytes), document, layer);
    }

    private static ObjectNode descriptor(Descriptor d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaType", d.mediaType());
        node.put("digest", d.digest().toString());
        node.put("size", d.size());
        if (!d.annotations().isEmpty()) {
            node.set("annotations", JSON.valueToTree(d.annotations()));
        }
        return node;
    }

    /** The registry's index, read within the bounds of any manifest (size, depth, string lengths). */
    private static ObjectNode readIndex(byte[] current) {
        JsonNode tree;
        try {
            tree = new ImageJson(ImageLimits.defaults()).tree(current, ImageLimits.defaults().maxManifestBytes(),
                    "invalid-index", "the referrers fallback index");
        } catch (InvalidImageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!(tree instanceof ObjectNode index) || tree.path("schemaVersion").asInt() != 2
                || tree.has("mediaType") && !MediaTypes.OCI_INDEX.equals(tree.path("mediaType").asText())
                || !(tree.get("manifests") instanceof ArrayNode)) {
            throw new IllegalArgumentException("The fallback tag names something that is not an OCI image index");
        }
        return index;
    }

    private static JsonNode readTree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] write(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
