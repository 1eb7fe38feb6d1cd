package com.offerflow.distribution.token;

import com.offerflow.distribution.DistributionSettings;
import com.offerflow.storage.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The token service's key, signer and verifier. A configured key and certificate
 * ({@code offerflow.distribution.token-key}, {@code .token-certificate}) are used as they are; without them a key and
 * a self-signed certificate are made at first start under {@code <data-dir>/distribution/} (not in production:
 * {@code identity.ProductionSettings} refuses to start without a configured key).
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    TokenKeys tokenKeys(DistributionSettings settings, DataDirectory data) {
        if (settings.tokenKey() != null || settings.tokenCertificate() != null) {
            if (settings.tokenKey() == null || settings.tokenCertificate() == null) {
                throw new IllegalStateException("Set both offerflow.distribution.token-key and"
                        + " offerflow.distribution.token-certificate, or neither");
            }
            return TokenKeys.load(settings.tokenKey(), settings.tokenCertificate());
        }
        TokenKeys keys = TokenKeys.loadOrGenerate(data.folder("distribution"), "Offerflow registry token service");
        log.info("Registry tokens are signed with the key under {} (certificate: /auth/certificate.pem)",
                data.folder("distribution"));
        return keys;
    }

    @Bean
    TokenIssuer tokenIssuer(TokenKeys keys, DistributionSettings settings, Clock clock) {
        return new TokenIssuer(keys, settings.issuer(), settings.tokenLifetime(), clock);
    }

    /** Checks the tokens of the embedded registry (its own service name as their audience). */
    @Bean
    TokenVerifier tokenVerifier(TokenKeys keys, DistributionSettings settings) {
        return new TokenVerifier(keys, settings.issuer(), settings.service());
    }
}
