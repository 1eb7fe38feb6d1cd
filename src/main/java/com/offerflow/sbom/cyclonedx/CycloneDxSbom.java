package com.offerflow.sbom.cyclonedx;

import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.ImageSummary;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.image.Digest;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.metadata.ToolInformation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A package's SBOM: a CycloneDX 1.6 JSON document ({@code application/vnd.cyclonedx+json}) made from what the
 * certification scan read, with no second pass over the layers.
 * <ul>
 *   <li>{@code metadata.component}: the image (type {@code container}) named by the package's repository and
 *       version tag, its purl ({@code pkg:oci/...@sha256:...}) and its manifest digest as its SHA-256 hash; the
 *       platforms, user, labels and sizes the scan saw as {@code offerflow:*} properties;</li>
 *   <li>{@code components}: every OS package of the report, in its order, as a {@code library} with its purl (the
 *       source package as properties when it differs), and the operating system (type {@code operating-system})
 *       each ecosystem and release names;</li>
 *   <li>{@code dependencies}: the image depends on all of them.</li>
 * </ul>
 * The same report gives the same bytes (serial number and timestamp come from the scan), so a retried push of the
 * SBOM as an OCI artifact pushes the same blob.
 */
public final class CycloneDxSbom {

    public static final String MEDIA_TYPE = "application/vnd.cyclonedx+json";
    /** The CycloneDX version written. */
    public static final Version VERSION = Version.VERSION_16;
    /** The prefix of Offerflow's own CycloneDX property names. */
    static final String PROPERTY_PREFIX = "offerflow:";

    private CycloneDxSbom() {
    }

    /**
     * What the SBOM names the image by: the offer's repository ({@code contoso/contoso-web}) and the version tag
     * customers know it by ({@code 1.0.0}; null when there is none).
     */
    public record Subject(String repositoryName, String version) {

        public Subject {
            Objects.requireNonNull(repositoryName, "repositoryName");
        }
    }

    /**
     * The SBOM of the image the report describes.
     *
     * @throws IllegalArgumentException when the report names no scanned manifest (the scan could not read the image)
     */
    public static byte[] json(CertificationReport report, Subject subject) {
        try {
            return BomGeneratorFactory.createJson(VERSION, bom(report, subject)).toJsonString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new IllegalStateException("Cannot write the CycloneDX document: " + e.getMessage(), e);
        }
    }

    static Bom bom(CertificationReport report, Subject subject) {
        ImageSummary image = report.image();
        if (image == null || image.manifestDigest() == null) {
            throw new IllegalArgumentException("The certification report names no scanned manifest");
        }
        Digest digest = Digest.parse(image.manifestDigest());
        Component container = container(image, digest, subject);

        List<Component> components = new ArrayList<>();
        Set<String> refs = new HashSet<>();
        Map<String, Component> systems = new LinkedHashMap<>();
        for (PackageInfo p : report.packages()) {
            components.add(library(p, refs));
            Component os = operatingSystem(p);
            if (os != null) {
                systems.putIfAbsent(os.getBomRef(), os);
            }
        }
        components.addAll(systems.values());

        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes((digest + "|" + report.scannedAt() + "|"
                + subject.repositoryName() + "|" + subject.version()).getBytes(StandardCharsets.UTF_8)));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        if (report.scannedAt() != null) {
            metadata.setTimestamp(Date.from(report.scannedAt()));
        }
        metadata.setComponent(container);
        ToolInformation tools = new ToolInformation();
        Component offerflow = new Component();
        offerflow.setType(Component.Type.APPLICATION);
        offerflow.setName("offerflow");
        offerflow.setDescription("Offerflow certification scan");
        tools.setComponents(List.of(offerflow));
        metadata.setToolChoice(tools);
        bom.setMetadata(metadata);
        bom.setComponents(components);
        Dependency root = new Dependency(container.getBomRef());
        components.forEach(c -> root.addDependency(new Dependency(c.getBomRef())));
        bom.setDependencies(List.of(root));
        return bom;
    }

    private static Component container(ImageSummary image, Digest digest, Subject subject) {
        Component c = new Component();
        c.setType(Component.Type.CONTAINER);
        c.setName(subject.repositoryName());
        if (subject.version() != null) {
            c.setVersion(subject.version());
        }
        String purl = PackageUrls.ofImage(subject.repositoryName(), digest, subject.version());
        c.setBomRef(purl);
        c.setPurl(purl);
        c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, digest.hex())));
        List<Property> properties = new ArrayList<>();
        properties.add(property("image:manifest-digest", digest.toString()));
        image.platforms().forEach(platform -> properties.add(property("image:platform", platform)));
        if (image.user() != null) {
            properties.add(property("image:user", image.user()));
        }
        properties.add(property("image:layer-count", Integer.toString(image.layerCount())));
        properties.add(property("image:compressed-size", Long.toString(image.compressedSize())));
        properties.add(property("image:uncompressed-size", Long.toString(image.uncompressedSize())));
        image.labels().forEach((key, value) -> properties.add(property("image:label:" + key, value)));
        c.setProperties(properties);
        return c;
    }

    private static Component library(PackageInfo p, Set<String> refs) {
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setName(p.name());
        c.setVersion(p.version());
        String purl = PackageUrls.of(p);
        c.setPurl(purl);
        // a package listed twice (dpkg's multi-arch instances) stays listed twice, under distinct references
        String ref = purl;
        for (int n = 2; !refs.add(ref); n++) {
            ref = purl + "#" + n;
        }
        c.setBomRef(ref);
        List<Property> properties = new ArrayList<>();
        if (p.source() != null && !p.source().equals(p.name())) {
            properties.add(property("package:source", p.source()));
        }
        if (p.sourceVersion() != null && !p.sourceVersion().equals(p.version())) {
            properties.add(property("package:source-version", p.sourceVersion()));
        }
        if (!properties.isEmpty()) {
            c.setProperties(properties);
        }
        return c;
    }

    /** The operating system of a package's ecosystem and release ({@code debian 12}); null when unknown. */
    private static Component operatingSystem(PackageInfo p) {
        if (p.ecosystem() == null) {
            return null;
        }
        String name = p.ecosystem().toLowerCase(Locale.ROOT);
        String release = p.release() == null ? null
                : p.release().startsWith("v") ? p.release().substring(1) : p.release();
        Component c = new Component();
        c.setType(Component.Type.OPERATING_SYSTEM);
        c.setName(name);
        if (release != null) {
            c.setVersion(release);
        }
        c.setBomRef("os:" + name + (release == null ? "" : "@" + release));
        return c;
    }

    private static Property property(String name, String value) {
        return new Property(PROPERTY_PREFIX + name, value);
    }
}
