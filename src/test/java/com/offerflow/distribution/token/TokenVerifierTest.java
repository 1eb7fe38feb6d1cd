package com.offerflow.distribution.token;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens as the token service signs them, and the forgeries the embedded registry must refuse. */
class TokenVerifierTest {

    static final List<Access> PULL = List.of(Access.repository("westeurope/contoso/web", List.of("pull")));

    @TempDir
    static Path dir;
    static TokenKeys keys;
    static TokenKeys otherKeys;
    static TokenVerifier verifier;

    @BeforeAll
    static void keys() {
        keys = TokenKeys.loadOrGenerate(dir.resolve("ours"), "test token service");
        otherKeys = TokenKeys.loadOrGenerate(dir.resolve("theirs"), "test token service");
        verifier = new TokenVerifier(keys, "offerflow", "offerflow");
    }

    static TokenIssuer issuer(TokenKeys with, Clock clock) {
        return new TokenIssuer(with, "offerflow", Duration.ofMinutes(5), clock);
    }

    @Test
    void acceptsItsOwnTokenWithWhatItGrants() throws Exception {
        TokenIssuer.Token token = issuer(keys, Clock.systemUTC()).issue("carol", "offerflow", PULL);

        TokenVerifier.Verified verified = verifier.verify(token.token()).orElseThrow();
        assertThat(verified.subject()).isEqualTo("carol");
        assertThat(verified.grants("westeurope/contoso/web", "pull")).isTrue();
        assertThat(verified.grants("westeurope/contoso/web", "push")).isFalse();
        assertThat(verified.grants("eastus/contoso/web", "pull")).isFalse();
        SignedJWT jwt = SignedJWT.parse(token.token());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        assertThat(jwt.getHeader().getX509CertChain()).hasSize(1);
        assertThat(jwt.getJWTClaimsSet().getClaims()).containsKeys("iss", "sub", "aud", "exp", "nbf", "iat", "jti",
                "access");
    }

    @Test
    void refusesATokenSignedByAnotherKeyEvenWhenItsHeaderNamesThatKey() {
        String forged = issuer(otherKeys, Clock.systemUTC()).issue("mallory", "offerflow", PULL).token();
        assertThat(verifier.verify(forged)).isEmpty();
    }

    @Test
    void refusesAnUnsignedToken() {
        String valid = issuer(keys, Clock.systemUTC()).issue("mallory", "offerflow", PULL).token();
        String claims = valid.split("\\.")[1];
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(none + "." + claims + ".")).isEmpty();
        assertThat(verifier.verify(none + "." + claims)).isEmpty();
        // the same claims with the valid signature of another header
        String hs256 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(hs256 + "." + claims + "." + valid.split("\\.")[2])).isEmpty();
    }

    @Test
    void refusesAnExpiredToken() {
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThat(verifier.verify(issuer(keys, anHourAgo).issue("carol", "offerflow", PULL).token())).isEmpty();
    }

    @Test
    void refusesATokenNotYetValid() {
        Clock inAnHour = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThat(verifier.verify(issuer(keys, inAnHour).issue("carol", "offerflow", PULL).token())).isEmpty();
    }

    @Test
    void refusesATokenForAnotherAudienceOrIssuer() {
        assertThat(verifier.verify(issuer(keys, Clock.systemUTC()).issue("carol", "region-westeurope", PULL)
                .token())).isEmpty();
        TokenIssuer otherIssuer = new TokenIssuer(keys, "someone-else", Duration.ofMinutes(5), Clock.systemUTC());
        assertThat(verifier.verify(otherIssuer.issue("carol", "offerflow", PULL).token())).isEmpty();
    }

    @Test
    void refusesGarbage() {
        assertThat(verifier.verify("")).isEmpty();
        assertThat(verifier.verify("a.b.c")).isEmpty();
        assertThat(verifier.verify("x".repeat(100_000))).isEmpty();
    }

    @Test
    void aConfiguredKeyMustBelongToItsCertificate() {
        assertThatThrownBy(() -> TokenKeys.load(dir.resolve("ours").resolve(TokenKeys.KEY_FILE),
                dir.resolve("theirs").resolve(TokenKeys.CERTIFICATE_FILE)))
                .hasMessageContaining("is not the certificate of the key");
    }

    @Test
    void aKeyIsMadeOnceAndKept() {
        TokenKeys again = TokenKeys.loadOrGenerate(dir.resolve("ours"), "test token service");
        assertThat(again.publicKey()).isEqualTo(keys.publicKey());
        assertThat(again.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
