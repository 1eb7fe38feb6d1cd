package com.offerflow.distribution.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs registry tokens as CNCF Distribution checks them: ES256, the signing certificate in the {@code x5c} header,
 * and the claims {@code iss}, {@code sub}, {@code aud} (the registry's service name), {@code exp}, {@code nbf},
 * {@code iat}, {@code jti} and {@code access} (what the token grants).
 */
public final class TokenIssuer {

    /** Clocks of registries differ a little: a token is valid from a few seconds before it was made. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final TokenKeys keys;
    private final String issuer;
    private final Duration lifetime;
    private final Clock clock;
    private final JWSHeader header;

    public TokenIssuer(TokenKeys keys, String issuer, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.clock = clock;
        try {
            this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
                    .x509CertChain(List.of(Base64.encode(keys.certificate().getEncoded()))).build();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("The token certificate cannot be encoded", e);
        }
    }

    /** A signed token, and when it was issued and expires. */
    public record Token(String token, Instant issuedAt, Duration expiresIn) {
    }

    /**
     * A token for {@code audience} (a registry's service name) granting {@code access} to {@code subject} (a user,
     * empty for anonymous requests, or Offerflow's own replication).
     */
    public Token issue(String subject, String audience, List<Access> access) {
        Instant now = clock.instant();
        List<Map<String, Object>> accessClaim = access.stream().map(entry -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", entry.type());
            map.put("name", entry.name());
            map.put("actions", entry.actions());
            return map;
        }).toList();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject == null ? "" : subject)
                .audience(audience)
                .expirationTime(Date.from(now.plus(lifetime)))
                .notBeforeTime(Date.from(now.minus(CLOCK_SKEW)))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("access", accessClaim)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new ECDSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a registry token", e);
        }
        return new Token(jwt.serialize(), now, lifetime);
    }

    public String issuer() {
        return issuer;
    }
}
