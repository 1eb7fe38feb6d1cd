package com.offerflow.sbom.referrers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.demo.SampleImage;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciLayout;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.image.registry.RegistryClient;
import com.offerflow.image.registry.RegistryReference;
import com.offerflow.support.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The artifacts that carry the SBOM and the certification report to a registry: OCI 1.1 artifact manifests with the
 * empty config and the package's manifest as subject, and the referrers fallback index; a real registry
 * ({@code docker-registry}, which has no referrers API) takes them, and a client finds them by the fallback tag.
 */
class ReferrerArtifactsTest {

    @RegisterExtension
    static DockerRegistryExtension registry = DockerRegistryExtension.anonymous();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Descriptor SUBJECT = Descriptor.of(MediaTypes.OCI_MANIFEST, "a manifest".getBytes());
    private static final byte[] SBOM = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}".getBytes();
    private static final Instant CREATED = Instant.parse("2026-11-25T16:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void anSbomIsAnArtifactManifestWithTheEmptyConfigOneLayerAndThePackageAsSubject() throws Exception {
        ReferrerArtifacts.Artifact artifact = ReferrerArtifacts.sbom(SBOM, SUBJECT.withAnnotation("x", "y"), CREATED);
        JsonNode manifest = JSON.readTree(artifact.manifest());

        assertThat(manifest.path("schemaVersion").asInt()).isEqualTo(2);
        assertThat(manifest.path("mediaType").asText()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(manifest.path("artifactType").asText()).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(manifest.path("config").toString()).isEqualTo("{\"mediaType\":\"application/vnd.oci.empty.v1+json\","
                + "\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\","
                + "\"size\":2,\"data\":\"e30=\"}");
        assertThat(manifest.path("layers")).hasSize(1);
        assertThat(manifest.at("/layers/0/mediaType").asText()).isEqualTo("application/vnd.cyclonedx+json");
        assertThat(manifest.at("/layers/0/digest").asText()).isEqualTo(Digest.of(SBOM).toString());
        assertThat(manifest.at("/layers/0/size").asLong()).isEqualTo(SBOM.length);
        assertThat(manifest.at("/layers/0/annotations/org.opencontainers.image.title").asText())
                .isEqualTo("sbom.cdx.json");
        assertThat(manifest.path("subject").toString()).isEqualTo("{\"mediaType\":\"" + MediaTypes.OCI_MANIFEST
                + "\",\"digest\":\"" + SUBJECT.digest() + "\",\"size\":" + SUBJECT.size() + "}");
        assertThat(manifest.at("/annotations/org.opencontainers.image.created").asText())
                .isEqualTo("2026-11-25T16:00:00Z");
        assertThat(artifact.descriptor()).isEqualTo(Descriptor.of(MediaTypes.OCI_MANIFEST, artifact.manifest()));
        assertThat(artifact.layer()).isEqualTo(SBOM);
    }

    @Test
    void theCertificationReportHasOfferflowsArtifactType() throws Exception {
        ReferrerArtifacts.Artifact artifact = ReferrerArtifacts.certificationReport("{}".getBytes(), SUBJECT,
                CREATED);

        JsonNode manifest = JSON.readTree(artifact.manifest());
        assertThat(manifest.path("artifactType").asText())
                .isEqualTo("application/vnd.offerflow.certification-report.v1+json");
        assertThat(manifest.at("/layers/0/mediaType").asText())
                .isEqualTo("application/vnd.offerflow.certification-report.v1+json");
    }

    @Test
    void theFallbackIndexListsEachReferrerOnceUnderTheSubjectsDigestTag() throws Exception {
        ReferrerArtifacts.Artifact sbom = ReferrerArtifacts.sbom(SBOM, SUBJECT, CREATED);
        ReferrerArtifacts.Artifact report = ReferrerArtifacts.certificationReport("{}".getBytes(), SUBJECT, CREATED);

        byte[] first = ReferrerArtifacts.withReferrer(null, sbom);
        byte[] again = ReferrerArtifacts.withReferrer(first, sbom);
        byte[] both = ReferrerArtifacts.withReferrer(again, report);

        assertThat(ReferrerArtifacts.fallbackTag(SUBJECT.digest())).isEqualTo("sha256-" + SUBJECT.digest().hex());
        assertThat(again).isEqualTo(first);
        JsonNode index = JSON.readTree(both);
        assertThat(index.path("mediaType").asText()).isEqualTo(MediaTypes.OCI_INDEX);
        assertThat(index.path("manifests")).hasSize(2);
        assertThat(index.at("/manifests/0/digest").asText()).isEqualTo(sbom.descriptor().digest().toString());
        assertThat(index.at("/manifests/0/artifactType").asText()).isEqualTo(ReferrerArtifacts.SBOM);
        assertThat(index.at("/manifests/0/annotations/org.opencontainers.image.created").asText())
                .isEqualTo("2026-11-25T16:00:00Z");
        assertThat(index.at("/manifests/1/artifactType").asText()).isEqualTo(ReferrerArtifacts.CERTIFICATION_REPORT);
        assertThatThrownBy(() -> ReferrerArtifacts.withReferrer(sbom.manifest(), report))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReferrerArtifacts.withReferrer("[".repeat(10_000).getBytes(), report))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegistryWithoutReferrersApiTakesThemAndAClientFindsThemByTheFallbackTag() throws Exception {
        Commands.assertInstalled("/usr/bin/skopeo", "skopeo");
        String repository = "contoso/contoso-web";
        Digest image = registry.push(SampleImage.image(), repository, "1.0.0");
        String host = URI.create(registry.url()).getAuthority();
        byte[] imageManifest = Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + host + "/" + repository + "@" + image).getBytes(StandardCharsets.UTF_8);
        Descriptor subject = Descriptor.of(MediaTypes.OCI_MANIFEST, imageManifest);
        ReferrerArtifacts.Artifact sbom = ReferrerArtifacts.sbom(SBOM, subject, CREATED);
        ReferrerArtifacts.Artifact report = ReferrerArtifacts.certificationReport("{\"outcome\":\"PASSED\"}"
                .getBytes(), subject, CREATED);
        byte[] index = ReferrerArtifacts.withReferrer(ReferrerArtifacts.withReferrer(null, sbom), report);

        OciLayout layout = OciLayout.create(tmp.resolve("artifacts"));
        for (ReferrerArtifacts.Artifact artifact : java.util.List.of(sbom, report)) {
            layout.putBlob(ReferrerArtifacts.EMPTY_MEDIA_TYPE, ReferrerArtifacts.EMPTY);
            layout.putBlob(artifact.layerDescriptor().mediaType(), artifact.layer());
            layout.putBlob(MediaTypes.OCI_MANIFEST, artifact.manifest());
        }
        Descriptor indexDescriptor = layout.putBlob(MediaTypes.OCI_INDEX, index);
        String fallback = ReferrerArtifacts.fallbackTag(image);
        new RegistryClient(null).push(layout, indexDescriptor,
                RegistryReference.parse(registry.repository(repository) + ":" + fallback));

        JsonNode found = JSON.readTree(Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + host + "/" + repository + ":" + fallback));
        assertThat(found.findValuesAsText("artifactType")).containsExactly(ReferrerArtifacts.SBOM,
                ReferrerArtifacts.CERTIFICATION_REPORT);
        JsonNode pulled = JSON.readTree(Commands.run("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + host + "/" + repository + "@" + found.at("/manifests/0/digest").asText()));
        assertThat(pulled.at("/subject/digest").asText()).isEqualTo(image.toString());
        HttpResponse<byte[]> layer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                registry.url() + "/v2/" + repository + "/blobs/" + pulled.at("/layers/0/digest").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(layer.body()).isEqualTo(SBOM);
    }
}
