package com.offerflow;

import com.offerflow.certification.worker.ScanWorkerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.modulith.Modulithic;

/**
 * Offerflow. One jar, two roles: the publishing pipeline (the default), or with profile {@code scan-worker} a
 * separate certification scan worker ({@link ScanWorkerConfiguration}) that loads nothing of the pipeline. Each
 * package below {@code com.offerflow} is an application module whose boundaries {@code ModularityTest} checks
 * (README, "Architecture").
 */
@Modulithic(systemName = "Offerflow")
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OfferflowApplication.Pipeline.class, ScanWorkerConfiguration.class})
public class OfferflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(OfferflowApplication.class, args);
    }

    /** The publishing pipeline: every component of com.offerflow but the scan worker's. */
    @Configuration(proxyBeanMethods = false)
    @Profile("!scan-worker")
    @ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
            pattern = "com\\.offerflow\\.certification\\.worker\\..*"))
    @ConfigurationPropertiesScan
    static class Pipeline {
    }
}
