package com.offerflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Application-wide beans. */
@Configuration
class OfferflowConfiguration {

    /** The clock every service reads "now" from. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
