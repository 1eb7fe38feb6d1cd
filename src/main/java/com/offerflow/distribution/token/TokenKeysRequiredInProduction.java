package com.offerflow.distribution.token;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The production profile refuses to start without a configured token signing key and certificate: a key made at
 * first start would differ per node, and the registries' {@code rootcertbundle} must name the certificate before
 * any token is checked. Runs before any bean is created, as {@code identity.ProductionSettings} does.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class TokenKeysRequiredInProduction {

    static final String MESSAGE = "Offerflow refuses to start with the production profile: the registry token"
            + " signing key is not configured. Set OFFERFLOW_DISTRIBUTION_TOKEN_KEY (an EC P-256 private key, PEM)"
            + " and OFFERFLOW_DISTRIBUTION_TOKEN_CERTIFICATE (its certificate, PEM), the certificate every registry"
            + " trusts as its auth.token.rootcertbundle.";

    @Bean
    static BeanFactoryPostProcessor tokenKeysCheck(Environment environment) {
        return beanFactory -> {
            if (blank(environment.getProperty("offerflow.distribution.token-key"))
                    || blank(environment.getProperty("offerflow.distribution.token-certificate"))) {
                throw new IllegalStateException(MESSAGE);
            }
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
