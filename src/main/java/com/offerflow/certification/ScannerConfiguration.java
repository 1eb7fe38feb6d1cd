package com.offerflow.certification;

import com.offerflow.scanner.ImageScanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The image scanner, configured from {@code offerflow.certification.*}. */
@Configuration
class ScannerConfiguration {

    @Bean
    ImageScanner imageScanner(ScannerSettings settings) {
        return new ImageScanner(settings.toScanSettings());
    }
}
