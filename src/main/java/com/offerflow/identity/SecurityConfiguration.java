package com.offerflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.web.ProblemResponses;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Who may reach what. Four filter chains, by path:
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic against Camunda's users, stateless; only the public catalog, the region
 *       list and the signing keys are open. Which offers a user may see is decided by the services (a publisher's own organisation).</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic, then Camunda's {@link ProcessEngineAuthenticationFilter}, so the
 *       engine knows the user and its groups and applies Camunda's authorizations (on, see application.yaml).</li>
 *   <li>{@code /camunda/**}: the webapps (Tasklist, Cockpit, Admin) with their own login, session and CSRF token.</li>
 *   <li>everything else: the health probe, the redirect to the webapps and the lookaside signature store
 *       ({@code /signatures/**}) are open, the rest is refused.</li>
 * </ul>
 * In front of all of them, {@code web.RequestSizeLimit} bounds every request body;
 * around the engine's REST APIs, {@link EngineApiResponses} keeps internals out of errors and answers unreadable
 * resources as missing. What people may do in the engine beyond Camunda's permissions is in {@link EngineRules}.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private final ObjectMapper objectMapper;

    SecurityConfiguration(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return basicAuthentication(http, "/api/**", requests -> requests
                .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/catalog"),
                        PATHS.matcher(HttpMethod.GET, "/api/catalog/**"),
                        PATHS.matcher(HttpMethod.GET, "/api/regions"),
                        PATHS.matcher(HttpMethod.GET, "/api/signing-keys")).permitAll()
                .anyRequest().hasRole("USER"));
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
        return basicAuthentication(http, "/engine-rest/**", requests -> requests.anyRequest().hasRole("USER"));
    }

    /**
     * The chain of a machine-facing path: HTTP Basic against Camunda's users, no session, no Spring CSRF (there is no
     * session to ride on), problem details for 401 and 403, and the requests {@code authorize} lets through.
     */
    private SecurityFilterChain basicAuthentication(HttpSecurity http, String paths, Customizer<
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> authorize)
            throws Exception {
        return http
                .securityMatcher(PATHS.matcher(paths))
                .authorizeHttpRequests(authorize)
                .httpBasic(basic -> basic.realmName("offerflow").authenticationEntryPoint(problemEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        // The webapps authenticate and guard against CSRF themselves (session + X-XSRF-TOKEN); Spring's CSRF and
        // headers on top of theirs would break them.
        return http
                .securityMatcher(PATHS.matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PATHS.matcher(HttpMethod.GET, "/"), PATHS.matcher("/error"),
                                PATHS.matcher(HttpMethod.GET, "/actuator/health"),
                                PATHS.matcher(HttpMethod.GET, "/actuator/health/**"),
                                PATHS.matcher(HttpMethod.GET, "/signatures/**")).permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problemEntryPoint())
                        .accessDeniedHandler(problemAccessDenied()))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Camunda's filter behind Spring Security on {@code /engine-rest}: it takes the user Spring authenticated and
     * sets it, with its groups, as the engine's current authentication for the request.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.setName("camunda-engine-rest-authentication");
        return registration;
    }

    /**
     * Keeps internals out of the engine APIs' errors and answers unreadable engine resources as missing (see
     * {@link EngineApiResponses}); wraps everything behind it, Spring Security included.
     */
    @Bean
    FilterRegistrationBean<EngineApiResponses> engineApiResponses() {
        FilterRegistrationBean<EngineApiResponses> registration =
                new FilterRegistrationBean<>(new EngineApiResponses());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        registration.setName("offerflow-engine-api-responses");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    private AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"offerflow\"");
            ProblemResponses.write(objectMapper, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Sign in with HTTP Basic authentication (a Camunda user).");
        };
    }

    private AccessDeniedHandler problemAccessDenied() {
        return (request, response, e) ->
                ProblemResponses.write(objectMapper, response, HttpStatus.FORBIDDEN, "forbidden", "You are not allowed to do this.");
    }

}
