package com.offerflow.engine;

import com.offerflow.OfferflowApplication;
import com.offerflow.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

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

            ApiClient engineRest = new ApiClient(port);
            long start = System.nanoTime();
            ApiClient.Response response = engineRest.as("scanner").send("POST", "/engine-rest/external-task/fetchAndLock",
                    "application/json", "{\"workerId\":\"long-polling-test\",\"maxTasks\":1,"
                            + "\"asyncResponseTimeout\":1000,\"topics\":[{\"topicName\":\"certify-image\","
                            + "\"lockDuration\":1000}]}");
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("[]");
            assertThat(millis).as("answered when the poll's timeout ended, not at once").isGreaterThanOrEqualTo(900);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OfferflowApplication.class).profiles("demo", "test")
                .run("--server.port=0");
    }
}
