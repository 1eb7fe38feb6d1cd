package com.offerflow.certification.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the app how far a scan has read ({@code PUT /api/publications/{id}/scan-progress}), at most every
 * {@code offerflow.scan-worker.progress-interval}. Best effort: a failed report is logged, the scan goes on. Reports
 * are sent one after another on a thread of their own, not on the scan's: while one is on its way, only the
 * latest of the next ones waits. The last one (all bytes read) is waited for, so it arrives before the task is
 * completed.
 */
@Component
class ProgressReporter {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final ScanWorkerSettings settings;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> lastReport = new ConcurrentHashMap<>();
    private final Map<String, long[]> waiting = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "scan-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressReporter(ScanWorkerSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    void report(String publicationId, long bytesScanned, long bytesTotal) {
        long now = System.nanoTime();
        boolean last = bytesScanned >= bytesTotal;
        Long previous = lastReport.get(publicationId);
        if (previous != null && now - previous < settings.progressInterval().toNanos() && !last) {
            return;
        }
        if (last) {
            lastReport.remove(publicationId);
        } else {
            lastReport.put(publicationId, now);
        }
        boolean queued = waiting.put(publicationId, new long[]{bytesScanned, bytesTotal}) != null;
        if (last) {
            // the last report goes out before the scan completes its task, so the publication shows 100 %
            try {
                sender.submit(() -> send(publicationId)).get(15, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("Final progress of publication {} not reported: {}", publicationId, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (!queued) {
            sender.execute(() -> send(publicationId));
        }
    }

    private void send(String publicationId) {
        long[] progress = waiting.remove(publicationId);
        if (progress == null) {
            return;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(settings.apiUrl()
                            .resolve("/api/publications/" + publicationId + "/scan-progress"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + HttpHeaders.encodeBasicAuth(settings.username(),
                            settings.password(), StandardCharsets.UTF_8))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                            Map.of("bytesScanned", progress[0], "bytesTotal", progress[1]))))
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
