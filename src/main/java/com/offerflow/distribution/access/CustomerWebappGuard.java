package com.offerflow.distribution.access;

import com.offerflow.identity.Groups;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Keeps customers out of Camunda's webapps: their sign-in is refused as a wrong password is (401), before Camunda
 * checks anything. (Their Tasklist, Cockpit and Admin are revoked too, see {@link CustomerSetup}; this also closes
 * the account page, "welcome", which Camunda opens to every user.)
 */
@Configuration(proxyBeanMethods = false)
class CustomerWebappGuard {

    static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";

    /** The engine is looked up at the first sign-in: filters start with the web server, before the engine. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> customerWebappLoginGuard(ObjectProvider<IdentityService> identity) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected boolean shouldNotFilter(HttpServletRequest request) {
                        return !"POST".equals(request.getMethod())
                                || !request.getRequestURI().startsWith(request.getContextPath() + LOGIN);
                    }

                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String user = request.getParameter("username");
                        if (user != null && user.length() <= 128 && identity.getObject().createUserQuery().userId(user)
                                .memberOfGroup(Groups.CUSTOMERS).count() > 0) {
                            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.addUrlPatterns("/camunda/api/admin/auth/user/default/login/*");
        registration.setName("offerflow-customer-webapp-guard");
        return registration;
    }
}
