package com.offerflow.identity;

import org.springframework.core.MethodParameter;
import com.offerflow.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.stream.Collectors;

/**
 * Gives controllers the {@link Caller} of the request, from the authentication {@link SecurityConfiguration} made.
 */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current();
    }

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication.getAuthorities().stream().noneMatch(a -> "ROLE_USER".equals(a.getAuthority()))) {
            // the filter chain lets no such request through to a controller; should one come, it is a 401 anyway
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Sign in with HTTP Basic authentication (a Camunda user).");
        }
        return new Caller(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(GROUP_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet()));
    }
}
