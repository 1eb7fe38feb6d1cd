package com.offerflow.distribution.registry;

import com.offerflow.distribution.DistributionSettings;
import com.offerflow.distribution.access.RegistryEndpoints;
import com.offerflow.distribution.token.TokenVerifier;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Optional;

/**
 * The embedded registry's check of each request: a bearer token of this service ({@link TokenVerifier}) that grants
 * the action on the repository. Otherwise a 401 with the challenge that sends the client to the token service
 * ({@code WWW-Authenticate: Bearer realm="…/auth/token",service="…",scope="repository:<name>:pull"}), the same for a
 * missing, a forged or expired token and a token without the scope, and the same whether the repository exists.
 */
@Component
class RegistryAuthorization {

    private final TokenVerifier verifier;
    private final RegistryEndpoints endpoints;
    private final DistributionSettings settings;

    RegistryAuthorization(TokenVerifier verifier, RegistryEndpoints endpoints, DistributionSettings settings) {
        this.verifier = verifier;
        this.endpoints = endpoints;
        this.settings = settings;
    }

    /** The request's valid token, if it has one. */
    Optional<TokenVerifier.Verified> token(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return verifier.verify(header.substring(7).trim());
    }

    /** Whether the request may take {@code action} on {@code name}; when not, the 401 is written. */
    boolean check(HttpServletRequest request, HttpServletResponse response, String name, String action)
            throws IOException {
        Optional<TokenVerifier.Verified> token = token(request);
        if (token.isPresent() && (name == null || token.get().grants(name, action))) {
            return true;
        }
        String challenge = "Bearer realm=\"" + realm(request) + "\",service=\"" + endpoints.embeddedService() + "\""
                + (name == null ? "" : ",scope=\"repository:" + name + ":" + action + "\"")
                + (token.isPresent() ? ",error=\"insufficient_scope\"" : "");
        RegistryErrors.write(response, 401, "UNAUTHORIZED", "authentication required", challenge);
        return false;
    }

    private String realm(HttpServletRequest request) {
        if (settings.publicUrl() != null) {
            return settings.publicUrl().toString().replaceAll("/+$", "") + "/auth/token";
        }
        int port = request.getServerPort();
        boolean defaultPort = "http".equals(request.getScheme()) && port == 80
                || "https".equals(request.getScheme()) && port == 443;
        return request.getScheme() + "://" + hostForUrl(request.getServerName()) + (defaultPort ? "" : ":" + port)
                + request.getContextPath() + "/auth/token";
    }

    private static String hostForUrl(String host) {
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")) {
            return "localhost"; // never echo anything else into the challenge header
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
