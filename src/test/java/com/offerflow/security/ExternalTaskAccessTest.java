package com.offerflow.security;

import com.offerflow.offer.OfferService;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.TestOffers;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * The long steps wait as external tasks ({@code certify-image}, {@code package-image}). Whoever fetches and locks
 * one over {@code /engine-rest} completes it with what it likes, so only the scan workers' account may: a publisher
 * (even of the publication's own organisation), a reviewer and an operator fetch nothing, and the task stays
 * unlocked. The in-app workers are off here ({@code manual}), so the tasks wait for the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "camunda.bpm.process-engine-name=" + ExternalTaskAccessTest.ENGINE)
@ActiveProfiles({"demo", "test", "manual"})
class ExternalTaskAccessTest {

    /*
     * The engine REST API finds engines by name in a JVM-wide registry, where the test suite's other applications
     * register theirs as "default" too: this one has its own name (Camunda ignores names with a hyphen), and the
     * requests name it.
     */
    static final String ENGINE = "externalTaskAccess";
    static final String FETCH = "/engine-rest/engine/" + ENGINE + "/external-task/fetchAndLock";

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    OfferService offers;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
        reset();
    }

    @Test
    void onlyScanWorkersFetchTheLongStepsTasks() {
        ApiClient api = new ApiClient(port);
        String id = driver.start(TestOffers.ALICE, TestOffers.create(offers).offerId());
        driver.runJobs(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_ScanImage");

        for (String user : List.of("alice", "bob", "rachel", "oscar")) {
            ApiClient.Response fetched = api.post(user, FETCH, fetch("certify-image", "package-image"));
            assertThat(fetched.status()).as(user).isEqualTo(200);
            assertThat(fetched.json()).as(user + " fetched " + fetched.body()).isEmpty();
        }
        assertThat(api.post(null, FETCH, fetch("certify-image")).status()).isEqualTo(401);
        // the task was there to fetch: the scan workers' account gets it
        ApiClient.Response scanner = api.post("scanner", FETCH, fetch("certify-image"));
        assertThat(scanner.json()).as(scanner.body()).hasSize(1);
        assertThat(scanner.json().get(0).path("businessKey").asText()).isEqualTo(id);
    }

    @Test
    void nobodyButScanWorkersFetchesAPackagingTask() {
        ApiClient api = new ApiClient(port);
        String id = driver.start(TestOffers.ALICE, TestOffers.create(offers).offerId());
        driver.runJobs(id);
        assertThat(driver.scanner().workNext("test-worker")).isTrue();
        assertThat(driver.instance(id)).isWaitingAt("Task_PackageImage");

        for (String user : List.of("alice", "bob", "rachel", "oscar")) {
            ApiClient.Response fetched = api.post(user, FETCH, fetch("package-image"));
            assertThat(fetched.status()).as(user).isEqualTo(200);
            assertThat(fetched.json()).as(user + " fetched " + fetched.body()).isEmpty();
        }
        driver.runJobs(id);
        assertThat(driver.instance(id)).isWaitingAt("Task_SignOff");
    }

    private static String fetch(String... topics) {
        StringBuilder body = new StringBuilder("{\"workerId\":\"intruder\",\"maxTasks\":10,\"topics\":[");
        for (int i = 0; i < topics.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"topicName\":\"").append(topics[i])
                    .append("\",\"lockDuration\":600000}");
        }
        return body.append("]}").toString();
    }
}
