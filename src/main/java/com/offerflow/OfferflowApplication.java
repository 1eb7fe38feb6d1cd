package com.offerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OfferflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(OfferflowApplication.class, args);
    }
}
