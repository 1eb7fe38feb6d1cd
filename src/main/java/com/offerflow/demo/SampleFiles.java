package com.offerflow.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.storage.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the README walkthrough's files under {@code <data-dir>/samples/}: the sample offer
 * ({@code contoso-web.json}) and its image ({@code contoso-web-1.0.0.tar}, an oci-archive), once.
 */
@Component
@ConditionalOnProperty(name = "offerflow.demo.enabled", havingValue = "true")
class SampleFiles implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleFiles.class);

    private final DataDirectory data;
    private final ObjectMapper json;

    SampleFiles(DataDirectory data, ObjectMapper json) {
        this.data = data;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path folder = data.folder("samples");
        Path offer = folder.resolve(SampleOffer.OFFER_ID + ".json");
        Path image = folder.resolve(SampleOffer.OFFER_ID + "-" + SampleOffer.VERSION + ".tar");
        if (!Files.exists(offer)) {
            json.writerWithDefaultPrettyPrinter().writeValue(offer.toFile(), SampleOffer.document());
        }
        if (!Files.exists(image)) {
            try (InputStream archive = new ClassPathResource(SampleOffer.IMAGE_RESOURCE).getInputStream()) {
                Files.copy(archive, image);
            }
        }
        log.info("Sample offer and image for the README walkthrough: {} and {}", offer, image);
    }
}
