package com.offerflow.engine;

import com.offerflow.OfferflowApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scan worker's long poll on {@code /engine-rest} is answered when its timeout ends, also in an application
 * started after another one in the same JVM stopped: with Camunda's own listener the JVM's one long-polling handler
 * stays stopped then, and the poll waits until the worker's HTTP client gives up.
 */
class LongPollingTest {

    @Test
    void aFetchThatFindsNoTaskIsAnsweredWhenItsTimeoutEndsAfterAnotherApplicationStopped() throws Exception {
        start().close();
        try (ConfigurableApplicationContext app = start()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();

            HttpRequest fetch = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/engine-rest/external-task/fetchAndLock"))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("scanner:scanner".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"workerId\":\"long-polling-test\",\"maxTasks\":1,"
                            + "\"asyncResponseTimeout\":1000,\"topics\":[{\"topicName\":\"certify-image\","
                            + "\"lockDuration\":1000}]}"))
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = HttpClient.newHttpClient().send(fetch,
                    HttpResponse.BodyHandlers.ofString());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[]");
            assertThat(millis).as("answered when the poll's timeout ended, not at once").isGreaterThanOrEqualTo(900);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OfferflowApplication.class).profiles("demo", "test")
                .run("--server.port=0");
    }
}
