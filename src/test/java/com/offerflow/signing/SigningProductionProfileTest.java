package com.offerflow.signing;

import com.offerflow.OfferflowApplication;
import com.offerflow.signing.simple.PublishedKeys;
import com.offerflow.signing.simple.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production profile refuses to start without the marketplace's own signing key, protected by a passphrase from
 * the environment, and says what to set; every problem at once, next to the profile's other problems, before
 * anything is created.
 */
@ExtendWith(OutputCaptureExtension.class)
class SigningProductionProfileTest {

    private static final String STRONG = "Tr0ub4dor&3-horse";

    @TempDir
    Path tmp;

    @Test
    void refusesToStartWithoutASigningKeyAndSaysWhatToSet(CapturedOutput output) {
        Path dataDir = tmp.resolve("data");

        assertThatThrownBy(() -> start(dataDir, List.of("--OFFERFLOW_ADMIN_PASSWORD=")))
                .hasMessageContaining("the admin password is not set")
                .hasMessageContaining("no signing key is configured (OFFERFLOW_SIGNING_KEY_FILE is empty)");
        assertThat(output).contains("APPLICATION FAILED TO START", "OFFERFLOW_SIGNING_KEY_FILE",
                "OFFERFLOW_SIGNING_KEY_PASSPHRASE", "gpg --export-secret-keys");
        assertThat(dataDir).as("no key was generated, nothing was created").doesNotExist();
    }

    @Test
    void refusesAKeyWithoutPassphrase() throws Exception {
        Path key = write("key.asc", key(null).armouredSecretKey());

        assertThatThrownBy(() -> start(tmp.resolve("data"), List.of("--OFFERFLOW_SIGNING_KEY_FILE=" + key)))
                .hasMessageContaining("the signing key's passphrase is not set"
                        + " (OFFERFLOW_SIGNING_KEY_PASSPHRASE is empty)");
    }

    @Test
    void refusesAnUnprotectedKeyAWrongPassphraseAndAMissingFile() throws Exception {
        Path unprotected = write("unprotected.asc", key(null).armouredSecretKey());
        Path protectedKey = write("protected.asc", key(STRONG).armouredSecretKey());

        assertThatThrownBy(() -> start(tmp.resolve("data"), List.of("--OFFERFLOW_SIGNING_KEY_FILE=" + unprotected,
                "--OFFERFLOW_SIGNING_KEY_PASSPHRASE=" + STRONG)))
                .hasMessageContaining("the signing key in " + unprotected + " is not protected by a passphrase");
        assertThatThrownBy(() -> start(tmp.resolve("data"), List.of("--OFFERFLOW_SIGNING_KEY_FILE=" + protectedKey,
                "--OFFERFLOW_SIGNING_KEY_PASSPHRASE=wrong")))
                .hasMessageContaining("the signing key in " + protectedKey
                        + " cannot be used: the passphrase does not unlock the key");
        assertThatThrownBy(() -> start(tmp.resolve("data"), List.of(
                "--OFFERFLOW_SIGNING_KEY_FILE=" + tmp.resolve("missing.asc"),
                "--OFFERFLOW_SIGNING_KEY_PASSPHRASE=" + STRONG)))
                .hasMessageContaining("the signing key file " + tmp.resolve("missing.asc") + " cannot be read");
    }

    @Test
    void refusesAPreviousKeyFileThatIsNoPublicKey() throws Exception {
        Path current = write("current.asc", key(STRONG).armouredSecretKey());
        Path previous = write("previous.asc", PublishedKeys.of(key(null), List.of()).armoured());
        Path garbage = write("garbage.asc", "not a key".getBytes());

        assertThatThrownBy(() -> start(tmp.resolve("data"), List.of("--OFFERFLOW_SIGNING_KEY_FILE=" + current,
                "--OFFERFLOW_SIGNING_KEY_PASSPHRASE=" + STRONG,
                "--OFFERFLOW_SIGNING_PREVIOUS_KEYS=" + previous + "," + garbage)))
                .hasMessageContaining("the previous signing key file " + garbage + " cannot be used")
                .hasMessageNotContaining("previous signing key file " + previous);
    }

    private static SigningKey key(String passphrase) {
        return SigningKey.generate(SigningKey.Algorithm.ED25519, "Offerflow ops", Instant.now(),
                passphrase == null ? null : passphrase.toCharArray());
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(tmp.resolve(name), content);
    }

    private static void start(Path dataDir, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--OFFERFLOW_ADMIN_USER=ops", "--offerflow.data-dir=" + dataDir,
                "--server.port=0", "--spring.profiles.active=production"));
        if (args.stream().noneMatch(arg -> arg.startsWith("--OFFERFLOW_ADMIN_PASSWORD="))) {
            all.add("--OFFERFLOW_ADMIN_PASSWORD=" + STRONG);
        }
        all.addAll(args);
        new SpringApplicationBuilder(OfferflowApplication.class).run(all.toArray(String[]::new)).close();
    }
}
