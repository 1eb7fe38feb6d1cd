package com.offerflow.process;

import com.offerflow.OfferflowApplication;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.publication.StepRecord;
import com.offerflow.support.TestOffers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two engine nodes on one PostgreSQL database (the production setup of a cluster), both running the job executor
 * and the scan worker: every publication goes live once, with each step done once and no incident. Needs
 * PostgreSQL on 127.0.0.1:5432 (.ci/run starts it); the test creates and drops its own database.
 */
class PostgresClusterTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int PUBLICATIONS = 4;

    @TempDir
    Path sharedData;
    private final String database = "offerflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeEach
    void createDatabase() throws SQLException {
        execute("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        nodes.forEach(ConfigurableApplicationContext::close);
        execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void twoNodesShareTheWorkAndEveryPublicationGoesLiveOnce() {
        ConfigurableApplicationContext nodeA = start("node-a");
        ConfigurableApplicationContext nodeB = start("node-b");
        OfferService offers = nodeA.getBean(OfferService.class);
        PublicationService startingNode = nodeA.getBean(PublicationService.class);
        PublicationRepository publications = nodeB.getBean(PublicationRepository.class);

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < PUBLICATIONS; i++) {
            Offer offer = TestOffers.create(offers);
            ids.add(startingNode.start(TestOffers.ALICE, offer.offerId()).publicationId());
        }
        awaitAll(publications, ids, PublicationStatus.PREVIEW);
        ids.forEach(id -> nodeB.getBean(PublicationService.class).goLive(TestOffers.ALICE, id, null));
        awaitAll(publications, ids, PublicationStatus.LIVE);

        for (String id : ids) {
            assertThat(publications.steps(id)).extracting(StepRecord::attempts).containsOnly(1);
        }
        assertThat(nodeA.getBean(ManagementService.class).createJobQuery().withException().count()).isZero();
        assertThat(nodeA.getBean(RuntimeService.class).createIncidentQuery().count()).isZero();
    }

    private void awaitAll(PublicationRepository publications, List<String> ids, PublicationStatus status) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(ids).allSatisfy(id ->
                        assertThat(publications.find(id).orElseThrow().status()).as(id).isEqualTo(status)));
    }

    private ConfigurableApplicationContext start(String node) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OfferflowApplication.class)
                .profiles("demo", "test", "postgres")
                .run("--server.port=0",
                        // Camunda ignores engine names with a hyphen
                        "--camunda.bpm.process-engine-name=" + node.replace("-", ""),
                        "--camunda.bpm.generic-properties.properties.hostname=" + node,
                        "--offerflow.data-dir=" + sharedData,
                        "--spring.datasource.url=" + SERVER + database,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=");
        nodes.add(context);
        return context;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
