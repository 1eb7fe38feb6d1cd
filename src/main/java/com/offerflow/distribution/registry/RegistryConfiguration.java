package com.offerflow.distribution.registry;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the embedded registry ({@link RegistryApi}) at {@code /v2/} beside Spring MVC. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    ServletRegistrationBean<RegistryApi> embeddedRegistry(RegistryAuthorization authorization,
            EmbeddedRepositories repositories) {
        ServletRegistrationBean<RegistryApi> registration = new ServletRegistrationBean<>(
                new RegistryApi(authorization, repositories), "/v2/*", "/v2");
        registration.setName("offerflow-embedded-registry");
        return registration;
    }
}
