package com.offerflow.certification.worker;

import com.offerflow.certification.ScannerSettings;
import com.offerflow.scanner.ImageScanner;
import com.offerflow.storage.DataDirectory;
import com.offerflow.storage.ImageSources;
import com.offerflow.storage.RegistrySettings;
import org.camunda.bpm.client.backoff.BackoffStrategy;
import org.camunda.bpm.client.backoff.ExponentialErrorBackoffStrategy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.NamedInterface;

/**
 * The same jar as a scan worker process: {@code java -jar offerflow.jar --spring.profiles.active=scan-worker}. No
 * engine, no database, no web server: the Camunda external task client long-polls the app's {@code /engine-rest}
 * for {@code certify-image} tasks, scans archives from the shared image store or images from their registries (as
 * {@code offerflow.images.*} allows, like the app), and reports back (README, "Scanning workers").
 */
@Configuration(proxyBeanMethods = false)
@Profile("scan-worker")
@NamedInterface("scan-worker")
@ComponentScan
@EnableConfigurationProperties({ScanWorkerSettings.class, ScannerSettings.class, DataDirectory.class,
        RegistrySettings.class})
public class ScanWorkerConfiguration {

    @Bean
    ImageScanner imageScanner(ScannerSettings settings) {
        return new ImageScanner(settings.toScanSettings());
    }

    @Bean
    ImageSources imageSources(DataDirectory data, RegistrySettings settings) {
        return new ImageSources(data, settings);
    }

    /** Long polling answers at once when a task comes; back off only after errors (the engine is down). */
    @Bean
    BackoffStrategy errorOnlyBackoff() {
        return new ExponentialErrorBackoffStrategy(500, 2, 60_000);
    }
}
