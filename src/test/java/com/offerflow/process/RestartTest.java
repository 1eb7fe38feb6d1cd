package com.offerflow.process;

import com.offerflow.OfferflowApplication;
import com.offerflow.offer.Offer;
import com.offerflow.offer.OfferService;
import com.offerflow.publication.PublicationService;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.TestOffers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart in the middle of a publication loses nothing: the database and stores on disk carry it on. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void publicationGoesOnAfterARestart() {
        String publicationId;
        String offerId;
        try (ConfigurableApplicationContext first = start()) {
            Offer offer = TestOffers.create(first.getBean(OfferService.class));
            offerId = offer.offerId();
            ProcessDriver driver = first.getBean(ProcessDriver.class);
            publicationId = driver.start(TestOffers.ALICE, offerId);
            driver.runJobs(publicationId);
            driver.scan(publicationId);
            assertThat(driver.publication(publicationId).status()).isEqualTo(PublicationStatus.PREVIEW);
        }

        try (ConfigurableApplicationContext second = start()) {
            ProcessDriver driver = second.getBean(ProcessDriver.class);
            assertThat(driver.publication(publicationId).status()).isEqualTo(PublicationStatus.PREVIEW);
            assertThat(driver.task(publicationId, "Task_SignOff")).isNotNull();

            second.getBean(PublicationService.class).goLive(TestOffers.ALICE, publicationId, "after the restart");
            driver.runJobs(publicationId);

            assertThat(driver.publication(publicationId).status()).isEqualTo(PublicationStatus.LIVE);
            assertThat(Files.isDirectory(dataDir.resolve("regions/westeurope/contoso/" + offerId))).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OfferflowApplication.class)
                .profiles("demo", "test", "manual")
                .run("--server.port=0",
                        "--camunda.bpm.process-engine-name=restartTest",
                        "--offerflow.data-dir=" + dataDir,
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/offerflow")
                                + ";DB_CLOSE_ON_EXIT=FALSE");
    }
}
