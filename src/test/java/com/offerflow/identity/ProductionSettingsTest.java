package com.offerflow.identity;

import com.offerflow.signing.simple.SigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The production check's rules, without starting anything (the signing key's are in signing's tests). */
class ProductionSettingsTest {

    private static final String PASSPHRASE = "signing-key-passphrase";
    @TempDir
    static Path keys;
    private static Path signingKey;

    @BeforeAll
    static void aProtectedSigningKey() throws Exception {
        signingKey = Files.write(keys.resolve("signing-key.asc"), SigningKey.generate(SigningKey.Algorithm.ED25519,
                "Offerflow ops", Instant.now(), PASSPHRASE.toCharArray()).armouredSecretKey());
    }

    /** An environment with a good signing key, so that each test is about the rest. */
    private static MockEnvironment environment() {
        return new MockEnvironment()
                .withProperty("offerflow.signing.key-file", signingKey.toString())
                .withProperty("offerflow.signing.key-passphrase", PASSPHRASE);
    }

    @Test
    void acceptsStrongSecretsFromTheEnvironment() {
        MockEnvironment environment = environment()
                .withProperty("camunda.bpm.admin-user.id", "ops")
                .withProperty("camunda.bpm.admin-user.password", "Tr0ub4dor&3-horse")
                .withProperty("offerflow.distribution.token-key", "/etc/offerflow/token-key.pem")
                .withProperty("offerflow.distribution.token-certificate", "/etc/offerflow/token-certificate.pem")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/offerflow")
                .withProperty("spring.datasource.password", "s3cret-from-vault");

        assertThat(ProductionSettings.problems(environment)).isEmpty();
    }

    @Test
    void namesEveryProblemAtOnce() {
        MockEnvironment environment = environment()
                .withProperty("offerflow.demo.enabled", "true")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "admin")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db/offerflow");

        assertThat(ProductionSettings.problems(environment)).hasSize(6).anySatisfy(problem ->
                assertThat(problem).startsWith("demo users are enabled")).anySatisfy(problem ->
                assertThat(problem).startsWith("the database password is not set")).anySatisfy(problem ->
                assertThat(problem).startsWith("the registry token signing key is not configured"));
    }

    @Test
    void anEmbeddedDatabaseNeedsNoPassword() {
        MockEnvironment environment = environment()
                .withProperty("camunda.bpm.admin-user.id", "ops")
                .withProperty("camunda.bpm.admin-user.password", "Tr0ub4dor&3-horse")
                .withProperty("offerflow.distribution.token-key", "/etc/offerflow/token-key.pem")
                .withProperty("offerflow.distribution.token-certificate", "/etc/offerflow/token-certificate.pem")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/db/offerflow");

        assertThat(ProductionSettings.problems(environment)).isEmpty();
    }

    @Test
    void refusesTheSettingsThatOpenPrivateAddressesAndPlainRegistries() {
        MockEnvironment environment = environment()
                .withProperty("camunda.bpm.admin-user.id", "ops")
                .withProperty("camunda.bpm.admin-user.password", "Tr0ub4dor&3-horse")
                .withProperty("offerflow.distribution.token-key", "/etc/offerflow/token-key.pem")
                .withProperty("offerflow.distribution.token-certificate", "/etc/offerflow/token-certificate.pem")
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/db/offerflow")
                .withProperty("offerflow.images.allow-insecure-registries", "true")
                .withProperty("offerflow.images.allow-private-registries", "true")
                .withProperty("offerflow.leads.allow-private-addresses", "true");

        assertThat(ProductionSettings.problems(environment)).containsExactly(
                "offerflow.images.allow-insecure-registries is on: publishers' URLs could reach this server's own"
                        + " network or be read in plain text; turn it off",
                "offerflow.images.allow-private-registries is on: publishers' URLs could reach this server's own"
                        + " network or be read in plain text; turn it off",
                "offerflow.leads.allow-private-addresses is on: publishers' URLs could reach this server's own"
                        + " network or be read in plain text; turn it off");
    }
}
