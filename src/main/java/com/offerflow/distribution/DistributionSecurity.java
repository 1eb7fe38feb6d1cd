package com.offerflow.distribution;

import com.offerflow.distribution.registry.RegistryErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The two small filter chains of distribution, ahead of the app's others (their paths overlap none):
 * <ul>
 *   <li>{@code /auth/**}, the token service: HTTP Basic optional, checked by the same authentication provider as
 *       the API (so its lockout rules hold here too); wrong credentials are a 401 in the registry's error format;
 *       stateless, no CSRF (no cookies are used). Only GET.</li>
 *   <li>{@code /v2/**}, the embedded registry: no Spring authentication at all; the registry checks each request's
 *       bearer token against the scope the request needs ({@code registry.RegistryAuthorization}). Stateless.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class DistributionSecurity {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    @Bean
    @Order(-2)
    SecurityFilterChain tokenServiceSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PATHS.matcher("/auth/**"))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/auth/token"),
                                PATHS.matcher(HttpMethod.GET, "/auth/certificate.pem")).permitAll()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("offerflow").authenticationEntryPoint((request, response, e) ->
                        RegistryErrors.write(response, 401, "UNAUTHORIZED",
                                "wrong user name or password", "Basic realm=\"offerflow\"")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        RegistryErrors.write(response, 403, "DENIED", "not allowed", null)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(-1)
    SecurityFilterChain registrySecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new org.springframework.security.web.util.matcher.OrRequestMatcher(
                        PATHS.matcher("/v2/**"), PATHS.matcher("/v2")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
