package com.offerflow.certification.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the app how far a scan has read ({@code PUT /api/publications/{id}/scan-progress}), at most every
 * {@code offerflow.scan-worker.progress-interval}. Best effort: a failed report is logged, the scan goes on.
 */
@Component
class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final ScanWorkerSettings settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> lastReport = new ConcurrentHashMap<>();

    ProgressReporter(ScanWorkerSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    void report(String publicationId, long bytesScanned, long bytesTotal) {
        long now = System.nanoTime();
        Long last = lastReport.get(publicationId);
        if (last != null && now - last < settings.progressInterval().toNanos() && bytesScanned < bytesTotal) {
            return;
        }
        lastReport.put(publicationId, now);
        try {
            HttpRequest request = HttpRequest.newBuilder(settings.apiUrl()
                            .resolve("/api/publications/" + publicationId + "/scan-progress"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                            Map.of("bytesScanned", bytesScanned, "bytesTotal", bytesTotal))))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                log.warn("Progress of publication {} not taken: HTTP {}", publicationId, response.statusCode());
            }
        } catch (java.io.IOException e) {
            log.warn("Progress of publication {} not reported: {}", publicationId, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
