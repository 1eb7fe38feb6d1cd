package com.offerflow.distribution;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageJson;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciLayout;
import com.offerflow.storage.PackageStore;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An artifact attached to a package in staging as issue 12's SBOM will be: an OCI 1.1 manifest with a subject. */
final class Artifacts {

    static final String SBOM_TYPE = "application/vnd.cyclonedx+json";

    private Artifacts() {
    }

    /** Attaches a small SBOM artifact to the manifest tagged {@code tag} in the publication's staging layout. */
    static Descriptor attachSbom(PackageStore store, String publicationId, String tag) throws Exception {
        try (OciLayout staging = store.staging(publicationId)) {
            Descriptor subject = PackageStore.manifestForTag(staging, tag).orElseThrow()
                    .withAnnotation(Descriptor.REF_NAME, null);
            Descriptor empty = staging.putBlob("application/vnd.oci.empty.v1+json",
                    "{}".getBytes(StandardCharsets.UTF_8));
            Descriptor sbom = staging.putBlob(SBOM_TYPE, ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\","
                    + "\"serialNumber\":\"urn:uuid:" + publicationId + "\"}").getBytes(StandardCharsets.UTF_8));
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
            manifest.put("artifactType", SBOM_TYPE);
            manifest.put("config", empty);
            manifest.put("layers", List.of(sbom));
            manifest.put("subject", subject);
            Descriptor artifact = staging.putBlob(MediaTypes.OCI_MANIFEST, ImageJson.write(manifest));
            staging.putManifest(artifact, null);
            return artifact;
        }
    }
}
