package com.offerflow.signing;

import com.offerflow.signing.simple.PublishedKeys;
import com.offerflow.signing.simple.SigningKey;
import com.offerflow.storage.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the signing key comes from outside production: generated once under the data directory, or configured. */
class SigningKeysTest {

    @TempDir
    Path tmp;

    @Test
    void generatesAKeyAtTheFirstStartOnlyAndKeepsItPrivate() throws Exception {
        DataDirectory data = new DataDirectory(tmp);
        SigningSettings none = new SigningSettings(null, null, List.of());

        SigningKeys first = new SigningKeys(none, data, Clock.systemUTC());
        SigningKeys restarted = new SigningKeys(none, data, Clock.systemUTC());

        assertThat(restarted.current().fingerprint()).isEqualTo(first.current().fingerprint());
        Path file = tmp.resolve(SigningKeys.GENERATED_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.published().fingerprints()).containsExactly(first.current().fingerprint());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file is left").containsExactly(file);
        }
    }

    @Test
    void publishesTheConfiguredKeyFirstThenThePreviousOnesOnce() throws Exception {
        SigningKey current = key();
        SigningKey previous = key();
        Path keyFile = Files.write(tmp.resolve("key.asc"), current.armouredSecretKey());
        Path previousFile = Files.write(tmp.resolve("previous.asc"),
                PublishedKeys.of(previous, List.of()).armoured());
        Path currentPublic = Files.write(tmp.resolve("current.pub.asc"),
                PublishedKeys.of(current, List.of()).armoured());

        SigningKeys keys = new SigningKeys(new SigningSettings(keyFile, "", List.of(previousFile, currentPublic)),
                new DataDirectory(tmp.resolve("data")), Clock.systemUTC());

        assertThat(keys.current().fingerprint()).isEqualTo(current.fingerprint());
        assertThat(keys.published().fingerprints()).containsExactly(current.fingerprint(), previous.fingerprint());
        assertThat(tmp.resolve("data").resolve(SigningKeys.GENERATED_KEY)).doesNotExist();
    }

    @Test
    void saysWhichSettingNamesAnUnusableFile() {
        Path missing = tmp.resolve("missing.asc");

        assertThatThrownBy(() -> new SigningKeys(new SigningSettings(missing, "", List.of()),
                new DataDirectory(tmp), Clock.systemUTC()))
                .hasMessageContaining("The signing key file " + missing + " cannot be read"
                        + " (offerflow.signing.key-file)");
        assertThatThrownBy(() -> new SigningKeys(new SigningSettings(null, "", List.of(missing)),
                new DataDirectory(tmp), Clock.systemUTC()))
                .hasMessageContaining("(offerflow.signing.previous-keys)");
    }

    private static SigningKey key() {
        return SigningKey.generate(SigningKey.Algorithm.ED25519, "Offerflow test", Instant.now(), null);
    }
}
