package com.offerflow.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How images are pulled from the registries that technical configurations name ({@code offerflow.images.*}, next to
 * the upload's bounds). The registry is the publisher's, so by default only {@code https://} registries on public
 * addresses are contacted: plain HTTP could be tampered with on the way, and a registry on a loopback, private or
 * link-local address would make the server a way into its own network. Pulls are anonymous.
 */
@ConfigurationProperties("offerflow.images")
public record RegistrySettings(
        @DefaultValue("false") boolean allowInsecureRegistries,
        @DefaultValue("false") boolean allowPrivateRegistries,
        /* connect timeout, and the timeout of each registry request until its response headers arrive */
        @DefaultValue("PT30S") Duration registryTimeout) {
}
