package com.offerflow.certification.worker;

import com.offerflow.OfferflowApplication;
import com.offerflow.demo.SampleOffer;
import com.offerflow.support.ApiClient;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.Test;
import com.offerflow.storage.DataDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import javax.sql.DataSource;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scan worker as a separate process (the same jar, profile scan-worker) against the running app, whose own worker
 * is off: it long-polls /engine-rest as the scan-workers account, scans from the shared image store, reports
 * progress over the API, and its report decides the publication's certification.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "offerflow.certification.worker.enabled=false")
@ActiveProfiles({"demo", "test"})
class ScanWorkerProcessTest {

    @LocalServerPort
    int port;
    @Autowired
    DataDirectory data;

    @Test
    void separateWorkerCertifiesAndTheAppShowsItsProgress() {
        ApiClient alice = ApiClient.as(port, "alice", "alice");
        String offerId = TestOffers.newOfferId();
        alice.postJson("/api/offers", SampleOffer.document(offerId));
        alice.put("/api/offers/" + offerId + "/image", "application/x-tar", SampleOffer.image().toArchiveBytes());
        String location = alice.post("/api/offers/" + offerId + "/publications").header("Location");
        await().atMost(Duration.ofSeconds(60)).until(() -> "CERTIFICATION".equals(alice.get(location).text("currentStep")));
        // nobody scans in the app
        assertThat(alice.get(location).body().path("steps").get(1).has("progress")).isFalse();

        try (ConfigurableApplicationContext worker = new SpringApplicationBuilder(OfferflowApplication.class)
                .profiles("scan-worker")
                .run("--camunda.bpm.client.base-url=http://localhost:" + port + "/engine-rest",
                        "--camunda.bpm.client.basic-auth.username=scanner",
                        "--camunda.bpm.client.basic-auth.password=scanner",
                        "--offerflow.scan-worker.api-url=http://localhost:" + port,
                        "--offerflow.scan-worker.username=scanner",
                        "--offerflow.scan-worker.password=scanner",
                        "--offerflow.data-dir=" + data.dataDir().toAbsolutePath())) {
            assertThat(worker.getBeanNamesForType(DataSource.class)).isEmpty();
            await().atMost(Duration.ofSeconds(60)).until(() -> "PREVIEW".equals(alice.get(location).text("status")));
        }

        ApiClient.Response preview = alice.get(location);
        assertThat(preview.body().path("steps").get(1).path("state").asText()).isEqualTo("COMPLETED");
        long total = preview.body().path("steps").get(1).path("progress").path("bytesTotal").asLong();
        assertThat(total).isPositive();
        assertThat(preview.body().path("steps").get(1).path("progress").path("bytesScanned").asLong()).isEqualTo(total);
        assertThat(alice.get(location + "/certification-report").text("outcome")).isEqualTo("PASSED");
    }

    @Test
    void progressIsForScanWorkersOnly() {
        ApiClient alice = ApiClient.as(port, "alice", "alice");
        ApiClient.Response refused = alice.putJson("/api/publications/00000000-0000-0000-0000-000000000000/scan-progress",
                java.util.Map.of("bytesScanned", 1, "bytesTotal", 2));
        assertThat(refused.status()).isEqualTo(403);
        ApiClient scanner = ApiClient.as(port, "scanner", "scanner");
        assertThat(scanner.putJson("/api/publications/00000000-0000-0000-0000-000000000000/scan-progress",
                java.util.Map.of("bytesScanned", 3, "bytesTotal", 2)).status()).isEqualTo(400);
        assertThat(scanner.putJson("/api/publications/00000000-0000-0000-0000-000000000000/scan-progress",
                java.util.Map.of("bytesScanned", 1, "bytesTotal", 2)).status()).isEqualTo(404);
    }
}
