package com.offerflow.distribution.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a bearer token for the embedded registry: signed with ES256 by this service's own key (a key the token
 * names in its header is never trusted), issued by this service, for the expected audience, not expired and already
 * valid. Anything else, {@code alg: none} and every malformed token included, is no token at all.
 */
public final class TokenVerifier {

    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor;

    public TokenVerifier(TokenKeys keys, String issuer, String audience) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(new JWKSet(new ECKey.Builder(com.nimbusds.jose.jwk.Curve.P_256,
                        keys.publicKey()).build()))));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(),
                Set.of("sub", "exp", "nbf", "iat", "jti", "access"));
        claims.setMaxClockSkew((int) TokenIssuer.CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** What a valid token says: its subject and what it grants. */
    public record Verified(String subject, List<Access> access) {

        public boolean grants(String repository, String action) {
            return access.stream().anyMatch(entry -> entry.grants(repository, action));
        }
    }

    public Optional<Verified> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return Optional.of(new Verified(claims.getSubject(), access(claims)));
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<Access> access(JWTClaimsSet claims) throws ParseException {
        Object value = claims.getClaim("access");
        List<Access> access = new ArrayList<>();
        if (!(value instanceof List<?> entries)) {
            return access;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map && map.get("type") instanceof String type
                    && map.get("name") instanceof String name && map.get("actions") instanceof List<?> actions) {
                Set<String> names = new HashSet<>();
                for (Object action : actions) {
                    if (action instanceof String text) {
                        names.add(text);
                    }
                }
                access.add(new Access(type, name, List.copyOf(names)));
            }
        }
        return access;
    }
}
