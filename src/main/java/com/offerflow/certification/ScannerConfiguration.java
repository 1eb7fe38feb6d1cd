package com.offerflow.certification;

import com.offerflow.certification.scan.ImageScanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ScannerConfiguration {
    @Bean
    ImageScanner imageScanner() { return new ImageScanner(); }
}
