package com.offerflow.distribution.token;

import com.offerflow.distribution.access.AccessPolicy;
import com.offerflow.distribution.access.RegistryEndpoints;
import com.offerflow.distribution.access.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The registry token service ({@code GET /auth/token?service=…&scope=…}), the realm of the embedded registry and of
 * every external registry configured with {@code auth: token}. HTTP Basic credentials are optional (a Camunda user,
 * checked by the same authentication as the API); wrong ones are a 401. The token grants, of the scopes asked,
 * exactly what {@link AccessPolicy} allows, possibly nothing: the answer never says whether a repository exists.
 * {@code GET /auth/certificate.pem} publishes the signing certificate for the registries' {@code rootcertbundle}.
 */
@RestController
class TokenController {

    private static final Logger log = LoggerFactory.getLogger(TokenController.class);
    private static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    private final TokenIssuer issuer;
    private final TokenKeys keys;
    private final AccessPolicy policy;
    private final RegistryEndpoints endpoints;

    TokenController(TokenIssuer issuer, TokenKeys keys, AccessPolicy policy, RegistryEndpoints endpoints) {
        this.issuer = issuer;
        this.keys = keys;
        this.policy = policy;
        this.endpoints = endpoints;
    }

    @GetMapping(value = "/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam(required = false) String service,
            HttpServletRequest request) {
        // the raw values: Spring's conversion to a list would split "repository:a:pull,push" at the comma
        String[] scopes = request.getParameterValues("scope");
        if (service == null || !endpoints.knows(service)) {
            return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(Map.of(
                    "errors", List.of(Map.of("code", "UNSUPPORTED",
                            "message", "unknown or missing service: ask with the service a registry names"))));
        }
        Requester who = requester();
        List<Access> granted = policy.grant(service, Scope.parseAll(scopes == null ? List.of()
                : Arrays.asList(scopes)), who);
        TokenIssuer.Token token = issuer.issue(who.userId(), service, granted);
        log.debug("Token for {} on {}: {}", who.anonymous() ? "anonymous" : who.userId(), service, granted);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of(
                "token", token.token(),
                "access_token", token.token(),
                "expires_in", token.expiresIn().toSeconds(),
                "issued_at", DateTimeFormatter.ISO_INSTANT.format(token.issuedAt())));
    }

    @GetMapping(value = "/auth/certificate.pem", produces = "application/x-pem-file")
    String certificate() {
        return keys.certificatePem();
    }

    private static Requester requester() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Requester.ANONYMOUS;
        }
        return new Requester(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(GROUP_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toSet()));
    }

}
