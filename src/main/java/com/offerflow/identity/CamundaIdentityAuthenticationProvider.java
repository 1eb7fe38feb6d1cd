package com.offerflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Authenticates HTTP Basic credentials against Camunda's identity service, so the API, {@code /engine-rest} and the
 * webapps know the same users. Camunda locks a user after repeated wrong passwords (the lock grows, see
 * {@code IdentityService#checkPassword}); a locked user fails here like a wrong password. Authorities: ROLE_USER (or
 * ROLE_CUSTOMER for members of {@link Groups#CUSTOMERS}, which only the registry token service takes) and one
 * {@code GROUP_<id>} per Camunda group.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || userId.length() > 128 || !(credentials instanceof String password)
                || password.length() > 1024 || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException("Wrong user name or password");
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        boolean customer = false;
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority(CallerArgumentResolver.GROUP_AUTHORITY_PREFIX + group.getId()));
            customer |= Groups.CUSTOMERS.equals(group.getId());
        }
        // customers pull from the registries (the token service); the API and the engine REST API need ROLE_USER
        authorities.add(new SimpleGrantedAuthority(customer ? "ROLE_CUSTOMER" : "ROLE_USER"));
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
