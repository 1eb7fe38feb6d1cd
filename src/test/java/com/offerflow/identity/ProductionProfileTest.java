package com.offerflow.identity;

import com.offerflow.OfferflowApplication;
import com.offerflow.signing.simple.SigningKey;
import com.offerflow.distribution.token.TokenKeys;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile, started for real: it refuses weak or missing secrets before it creates anything, says
 * what to set, and otherwise starts with the admin from the environment and no demo users.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileTest {

    private static final String STRONG = "Tr0ub4dor&3-horse";

    @ParameterizedTest(name = "user ''{0}'', password ''{1}'', extra profile ''{2}'' -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            admin   | admin         | -    | the admin password is a default one
            ''      | ''            | -    | the admin user is not set (OFFERFLOW_ADMIN_USER is empty)
            ops     | ''            | -    | the admin password is not set (OFFERFLOW_ADMIN_PASSWORD is empty)
            ops     | Sh0rt&sweet   | -    | the admin password is shorter than 12 characters
            ops     | alllowercase-letters | - | it needs 1 upper-case letter(s), 1 digit(s)
            ops     | Ops-Admin-2024!x | - | the admin password is a default one or contains the user id
            ops     | Tr0ub4dor&3-horse | demo | demo users are enabled
            """)
    void refusesToStartWithWeakOrMissingSecrets(String user, String password, String profile, String problem,
            CapturedOutput output) {
        Path dataDir = Path.of("target/test-data/production-" + UUID.randomUUID());
        List<String> args = new ArrayList<>(List.of("--OFFERFLOW_ADMIN_USER=" + user,
                "--OFFERFLOW_ADMIN_PASSWORD=" + password, "--offerflow.data-dir=" + dataDir));
        String profiles = profile == null ? "production" : "production," + profile;

        assertThatThrownBy(() -> start(profiles, args))
                .isInstanceOf(ProductionSettings.InsecureSettingsException.class)
                .hasMessageStartingWith("Offerflow refuses to start with the production profile:")
                .hasMessageContaining(problem);
        assertThat(output).contains("APPLICATION FAILED TO START", problem, "OFFERFLOW_ADMIN_PASSWORD");
        assertThat(dataDir).as("nothing was created").doesNotExist();
    }

    @Test
    void refusesAServerDatabaseWithoutPassword() {
        assertThatThrownBy(() -> start("production,postgres", List.of("--OFFERFLOW_ADMIN_USER=ops",
                "--OFFERFLOW_ADMIN_PASSWORD=" + STRONG, "--OFFERFLOW_DB_PASSWORD=")))
                .isInstanceOf(ProductionSettings.InsecureSettingsException.class)
                .hasMessageContaining("the database password is not set (OFFERFLOW_DB_PASSWORD is empty)");
    }

    @Test
    void startsWithTheAdminFromTheEnvironmentAndNoDemoUsers() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target/test-data/production-" + UUID.randomUUID()));
        Path signingKey = Files.write(dataDir.resolve("signing-key.asc"), SigningKey.generate(
                SigningKey.Algorithm.ED25519, "Offerflow ops", Instant.now(), STRONG.toCharArray()).armouredSecretKey());
        Path keys = dataDir.resolve("keys");
        TokenKeys.generate(keys, "Offerflow registry tokens", java.time.Duration.ofDays(1));
        try (ConfigurableApplicationContext context = start("production", List.of(
                "--OFFERFLOW_ADMIN_USER=ops", "--OFFERFLOW_ADMIN_PASSWORD=" + STRONG,
                "--OFFERFLOW_SIGNING_KEY_FILE=" + signingKey, "--OFFERFLOW_SIGNING_KEY_PASSPHRASE=" + STRONG,
                "--offerflow.data-dir=" + dataDir,
                "--offerflow.distribution.token-key=" + keys.resolve("token-key.pem"),
                "--offerflow.distribution.token-certificate=" + keys.resolve("token-certificate.pem"),
                "--spring.datasource.url=jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.job-execution.enabled=false", "--offerflow.certification.worker.enabled=false"))) {
            IdentityService identity = context.getBean(ProcessEngine.class).getIdentityService();

            assertThat(identity.checkPassword("ops", STRONG)).isTrue();
            assertThat(identity.createUserQuery().list()).extracting("id").containsExactly("ops");
            assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMINS).list()).extracting("id")
                    .containsExactly("ops");
            // users created later (Camunda Admin, /engine-rest) must meet Camunda's password policy
            assertThat(identity.checkPasswordAgainstPolicy("alice").isValid()).isFalse();
            assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.secure"))
                    .isEqualTo("true");
        }
    }

    @Test
    void refusesToStartWithoutAConfiguredTokenSigningKey(CapturedOutput output) {
        Path dataDir = Path.of("target/test-data/production-" + UUID.randomUUID());
        assertThatThrownBy(() -> start("production", List.of("--OFFERFLOW_ADMIN_USER=ops",
                "--OFFERFLOW_ADMIN_PASSWORD=" + STRONG, "--offerflow.data-dir=" + dataDir)))
                .isInstanceOf(ProductionSettings.InsecureSettingsException.class)
                .hasMessageContaining("the registry token signing key is not configured")
                .hasMessageContaining("OFFERFLOW_DISTRIBUTION_TOKEN_KEY");
        assertThat(dataDir).as("nothing was created").doesNotExist();
    }

    private static ConfigurableApplicationContext start(String profiles, List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add("--server.port=0");
        all.add("--spring.profiles.active=" + profiles);
        return new SpringApplicationBuilder(OfferflowApplication.class).run(all.toArray(String[]::new));
    }
}
