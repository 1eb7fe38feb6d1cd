package com.offerflow.distribution;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.storage.PackageStore;
import com.offerflow.offer.OfferJson;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ProcessDriver;
import com.offerflow.web.Publishing;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regions on external registries: three docker-registry instances on loopback, each one region, each with the app
 * as its token service (auth: token, realm /auth/token, the app's issuer and certificate). Replication pushes over
 * the distribution API; customers pull anonymously with skopeo; a region that is down makes an incident for that
 * region alone; an unchanged republish uploads nothing, as the registries' own access logs show.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class ExternalRegionsTest {

    static final TokenAuthSetup APP = new TokenAuthSetup("external-regions");
    static final Map<String, TokenAuthRegistry> REGISTRIES = Map.of(
            "westeurope", APP.registry("region-westeurope"),
            "eastus", APP.registry("region-eastus"),
            "southeastasia", APP.registry("region-southeastasia"));

    @DynamicPropertySource
    static void registries(DynamicPropertyRegistry properties) {
        APP.properties(properties);
        REGISTRIES.forEach((region, registry) -> {
            properties.add("offerflow.distribution.regions." + region + ".url", registry::url);
            properties.add("offerflow.distribution.regions." + region + ".service", registry::service);
        });
        // a fourth region, on the embedded registry, which no plan names
        for (String[] region : new String[][] {{"westeurope", "West Europe"}, {"eastus", "East US"},
                {"southeastasia", "Southeast Asia"}, {"brazilsouth", "Brazil South"}}) {
            int i = List.of("westeurope", "eastus", "southeastasia", "brazilsouth").indexOf(region[0]);
            properties.add("offerflow.replication.regions[" + i + "].id", () -> region[0]);
            properties.add("offerflow.replication.regions[" + i + "].name", () -> region[1]);
        }
    }

    @AfterAll
    static void stopRegistries() throws InterruptedException, IOException {
        for (TokenAuthRegistry registry : REGISTRIES.values()) {
            registry.stop();
        }
        APP.delete();
    }

    @Autowired
    ProcessDriver driver;
    @Autowired
    PackageStore store;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    ApiClient api;
    Publishing publishing;
    Skopeo skopeo;

    @BeforeEach
    void setUp() throws IOException {
        api = new ApiClient(APP.appPort);
        publishing = new Publishing(api, driver);
        skopeo = new Skopeo(APP.dir.resolve("skopeo"));
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    private String offerInThreeRegions() {
        return publishing.createOffer(offer -> OfferJson.plan(offer, 0)
                .set("regions", OfferJson.array("westeurope", "eastus", "southeastasia")), true);
    }

    private Digest packageDigest(String publicationId) {
        return Digest.parse(publishing.publication(publicationId).path("packageDigest").asText());
    }

    @Test
    void aPublicationGoesLiveInThreeRegistriesAndEveryTagIsPulledAnonymously() throws Exception {
        String offerId = offerInThreeRegions();
        String publicationId = publishing.start(offerId);
        publishing.toPreview(publicationId);
        Descriptor sbom = Artifacts.attachSbom(store, publicationId, "1.0.0");
        publishing.selectGoLive(publicationId);
        publishing.finish(publicationId);

        for (TokenAuthRegistry registry : REGISTRIES.values()) {
            for (String tag : List.of("1.0.0", "latest")) {
                assertThat(skopeo.pullDigest(registry.host() + "/contoso/" + offerId + ":" + tag, null))
                        .as(registry.service() + " " + tag).isEqualTo(packageDigest(publicationId));
            }
        }
        for (TokenAuthRegistry registry : REGISTRIES.values()) {
            String token = api.get(null, "/auth/token?service=" + registry.service() + "&scope=repository:contoso/"
                    + offerId + ":pull").json().path("token").asText();
            java.net.http.HttpResponse<Void> artifact = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(registry.url() + "/v2/contoso/" + offerId
                                    + "/manifests/" + sbom.digest()))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/vnd.oci.image.manifest.v1+json")
                            .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(artifact.statusCode()).as("the SBOM artifact in " + registry.service()).isEqualTo(200);
        }
        var pulls = publishing.catalog(offerId).json().path("pullReferences");
        assertThat(pulls.path("westeurope").asText())
                .isEqualTo(REGISTRIES.get("westeurope").host() + "/contoso/" + offerId);
        assertThat(pulls.has("brazilsouth")).isFalse();

        Skopeo.Result notInAnyPlan = skopeo.pull("127.0.0.1:" + APP.appPort + "/brazilsouth/contoso/" + offerId
                + ":1.0.0", null);
        assertThat(notInAnyPlan.ok()).as(notInAnyPlan.toString()).isFalse();
        Skopeo.Result notLive = skopeo.pull(REGISTRIES.get("eastus").host() + "/contoso/not-live:1.0.0", null);
        assertThat(notLive.ok()).isFalse();
        Path archive = APP.dir.resolve("sample.tar");
        Files.write(archive, com.offerflow.demo.SampleImage.image().toArchiveBytes());
        Skopeo.Result push = skopeo.push(archive, "1.0.0",
                REGISTRIES.get("eastus").host() + "/contoso/" + offerId + ":evil", "alice");
        assertThat(push.ok()).as("nobody but Offerflow pushes to a region: " + push).isFalse();
    }

    @Test
    void aRegionThatIsDownMakesAnIncidentForItselfAloneAndARetryUploadsNothingElsewhere() throws Exception {
        String offerId = offerInThreeRegions();
        String publicationId = publishing.start(offerId);
        publishing.toPreview(publicationId);
        TokenAuthRegistry eastus = REGISTRIES.get("eastus");
        eastus.stop();
        try {
            publishing.selectGoLive(publicationId);
            runJobsUntilIncident(publicationId);

            List<Incident> incidents = runtime.createIncidentQuery()
                    .processInstanceId(driver.instanceId(publicationId)).list();
            assertThat(incidents).hasSize(1);
            assertThat(incidents.get(0).getActivityId()).startsWith("Task_ReplicateToRegion");
            assertThat(incidents.get(0).getIncidentMessage()).contains("to region eastus failed");
            assertThat(publishing.status(publicationId)).isNotEqualTo("LIVE");
            for (String region : List.of("westeurope", "southeastasia")) {
                assertThat(skopeo.pull(REGISTRIES.get(region).host() + "/contoso/" + offerId + ":1.0.0", null)
                        .ok()).as("not live yet in " + region).isFalse();
            }
        } finally {
            APP.start(eastus);
        }
        for (TokenAuthRegistry registry : REGISTRIES.values()) {
            registry.mark();
        }
        Job failed = management.createJobQuery().processInstanceId(driver.instanceId(publicationId))
                .withException().singleResult();
        management.setJobRetries(failed.getId(), 1);
        management.setJobDuedate(failed.getId(), null);
        publishing.finish(publicationId);

        assertThat(REGISTRIES.get("westeurope").uploadsSinceMark()).isEmpty();
        assertThat(REGISTRIES.get("southeastasia").uploadsSinceMark()).isEmpty();
        assertThat(eastus.uploadsSinceMark()).isNotEmpty();
        assertThat(skopeo.pullDigest(eastus.host() + "/contoso/" + offerId + ":latest", null))
                .isEqualTo(packageDigest(publicationId));
    }

    @Test
    void anUnchangedRepublishUploadsNoLayerBytes() throws Exception {
        String offerId = offerInThreeRegions();
        String first = publishing.publishToLive(offerId);
        for (TokenAuthRegistry registry : REGISTRIES.values()) {
            registry.mark();
        }

        String second = publishing.publishToLive(offerId);

        assertThat(packageDigest(second)).isEqualTo(packageDigest(first));
        for (TokenAuthRegistry registry : REGISTRIES.values()) {
            assertThat(registry.uploadsSinceMark()).as(registry.service()).isEmpty();
            assertThat(registry.requestsSinceMark()).as(registry.service() + " was asked (step 6 checks it)")
                    .isNotEmpty();
        }
    }

    /** Runs the publication's jobs as the job executor would, retrying at once, until one has no retries left. */
    private void runJobsUntilIncident(String publicationId) {
        String instance = driver.instanceId(publicationId);
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(instance).messages().list().stream()
                    .filter(job -> job.getRetries() > 0).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException e) {
                    management.setJobDuedate(job.getId(), null);
                }
            }
        }
        throw new AssertionError("jobs keep coming");
    }
}
