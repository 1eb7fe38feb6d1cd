package com.offerflow.certification.worker;

import com.offerflow.OfferflowApplication;
import com.offerflow.demo.SampleImage;
import com.offerflow.demo.SampleOffer;
import com.offerflow.image.Digest;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.offer.OfferJson;
import com.offerflow.support.ApiClient;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import com.offerflow.storage.DataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scan worker as a separate process (the same jar, profile scan-worker) against the running app, whose own worker
 * is off: it long-polls /engine-rest as the scan-workers account, scans from the shared image store (or the registry
 * image a publication pinned, from a real docker-registry on loopback), reports progress over the API, and its
 * report decides the publication's certification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "offerflow.certification.worker.enabled=false")
@ActiveProfiles({"demo", "test"})
class ScanWorkerProcessTest {

    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = DockerRegistryExtension.anonymous();

    @LocalServerPort
    int port;
    @Autowired
    DataDirectory data;

    @Test
    void separateWorkerCertifiesAndTheAppShowsItsProgress() {
        ApiClient api = new ApiClient(port);
        String offerId = TestOffers.newOfferId();
        api.post("alice", "/api/offers", SampleOffer.document(offerId));
        api.put("alice", "/api/offers/" + offerId + "/image", "application/x-tar", SampleImage.image().toArchiveBytes());
        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> "CERTIFICATION".equals(api.get("alice", location).text("currentStep")));
        // nobody scans in the app
        assertThat(api.get("alice", location).json().path("steps").get(1).has("progress")).isFalse();

        try (ConfigurableApplicationContext worker = startWorker()) {
            assertThat(worker.getBeanNamesForType(DataSource.class)).isEmpty();
            await().atMost(Duration.ofSeconds(60)).until(() -> "PREVIEW".equals(api.get("alice", location).text("status")));
        }

        ApiClient.Response preview = api.get("alice", location);
        assertThat(preview.json().path("steps").get(1).path("state").asText()).isEqualTo("COMPLETED");
        long total = preview.json().path("steps").get(1).path("progress").path("bytesTotal").asLong();
        assertThat(total).isPositive();
        assertThat(preview.json().path("steps").get(1).path("progress").path("bytesScanned").asLong()).isEqualTo(total);
        assertThat(api.get("alice", location + "/certification-report").text("outcome")).isEqualTo("PASSED");
    }

    @Test
    void separateWorkerScansThePinnedRegistryImage() throws Exception {
        ApiClient api = new ApiClient(port);
        String offerId = TestOffers.newOfferId();
        Digest digest = REGISTRY.push(SampleImage.image(), "contoso/" + offerId, "1.0.0", "latest");
        String pinned = REGISTRY.repository("contoso/" + offerId) + "@" + digest;
        api.post("alice", "/api/offers", OfferJson.sample(offerId,
                o -> OfferJson.technical(o).put("registryRepository", REGISTRY.repository("contoso/" + offerId))));
        String location = api.post("alice", "/api/offers/" + offerId + "/publications").header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> "CERTIFICATION".equals(api.get("alice", location).text("currentStep")));
        assertThat(api.get("alice", location).text("pinnedImage")).isEqualTo(pinned);

        // the worker pulls from the test's plain-HTTP loopback registry only because it is told it may
        try (ConfigurableApplicationContext worker = startWorker("--offerflow.images.allow-insecure-registries=true",
                "--offerflow.images.allow-private-registries=true")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> "PREVIEW".equals(api.get("alice", location).text("status")));
        }

        ApiClient.Response report = api.get("alice", location + "/certification-report");
        assertThat(report.text("outcome")).isEqualTo("PASSED");
        assertThat(report.json().path("image").path("reference").asText()).isEqualTo(pinned);
        assertThat(api.get("alice", location).json().path("steps").get(1).path("progress").path("bytesTotal").asLong())
                .isPositive();
    }

    /** A scan worker process against this app, sharing its data directory. */
    private ConfigurableApplicationContext startWorker(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--camunda.bpm.client.base-url=http://localhost:" + port + "/engine-rest",
                // closing the worker waits for its current long poll: keep the polls short here
                "--camunda.bpm.client.async-response-timeout=2000",
                "--camunda.bpm.client.basic-auth.username=scanner",
                "--camunda.bpm.client.basic-auth.password=scanner",
                "--offerflow.scan-worker.api-url=http://localhost:" + port,
                "--offerflow.scan-worker.username=scanner",
                "--offerflow.scan-worker.password=scanner",
                "--offerflow.data-dir=" + data.dataDir().toAbsolutePath()));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(OfferflowApplication.class).profiles("scan-worker")
                .run(args.toArray(String[]::new));
    }

    @Test
    void progressIsForScanWorkersOnly() {
        ApiClient api = new ApiClient(port);
        ApiClient.Response refused = api.put("alice", "/api/publications/00000000-0000-0000-0000-000000000000/scan-progress",
                java.util.Map.of("bytesScanned", 1, "bytesTotal", 2));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.put("scanner", "/api/publications/00000000-0000-0000-0000-000000000000/scan-progress",
                java.util.Map.of("bytesScanned", 3, "bytesTotal", 2)).status()).isEqualTo(400);
        assertThat(api.put("scanner", "/api/publications/00000000-0000-0000-0000-000000000000/scan-progress",
                java.util.Map.of("bytesScanned", 1, "bytesTotal", 2)).status()).isEqualTo(404);
    }
}
