package com.offerflow.packaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How packaging connects lead destinations ({@code offerflow.leads.*}). An HTTPS endpoint gets a test lead; the
 * endpoint is the publisher's, so by default only public addresses are contacted (no loopback, private or
 * link-local ones: the server must not be a way into its own network).
 */
@ConfigurationProperties("offerflow.leads")
public record LeadSettings(
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("false") boolean allowPrivateAddresses,
        /* a PKCS#12 trust store for the endpoints' certificates; the JDK's trusted CAs when unset */
        Path trustStore,
        @DefaultValue("") String trustStorePassword) {
}
