package com.offerflow.signing;

import com.offerflow.signing.simple.PublishedKeys;
import com.offerflow.signing.simple.SigningKey;
import com.offerflow.signing.simple.UnusableKeyException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the production profile requires of signing, checked before anything starts (by identity's production
 * settings check, which lists every problem at once): the marketplace's own key, from a file, protected by a
 * passphrase from the environment, and usable by Debian 12's clients; previous public keys that can be read. A
 * generated key would change with every fresh data directory and is never the marketplace's.
 */
public final class SigningProductionCheck {

    /** What to set, for the start-up failure's advice. */
    public static final String ACTION = """
            OFFERFLOW_SIGNING_KEY_FILE        the marketplace's OpenPGP private key, armoured (gpg --export-secret-keys
                                              --armor KEY); its primary key signs (gpg --quick-gen-key NAME ed25519
                                              sign never)
            OFFERFLOW_SIGNING_KEY_PASSPHRASE  the passphrase that protects it
            OFFERFLOW_SIGNING_PREVIOUS_KEYS   optional: public key files of earlier keys (gpg --export --armor KEY),
                                              comma-separated, still published after a rotation
            """;

    private SigningProductionCheck() {
    }

    /** Everything wrong with the signing settings for production, in plain words; empty when none. */
    public static List<String> problems(Environment environment) {
        SigningSettings settings = Binder.get(environment).bind("offerflow.signing", SigningSettings.class)
                .orElseGet(() -> new SigningSettings(null, null, List.of()));
        List<String> problems = new ArrayList<>();
        if (settings.keyFile() == null) {
            problems.add("no signing key is configured (OFFERFLOW_SIGNING_KEY_FILE is empty): production signs"
                    + " packages with the marketplace's own key, never a generated one");
        } else if (settings.keyPassphrase().isEmpty()) {
            problems.add("the signing key's passphrase is not set (OFFERFLOW_SIGNING_KEY_PASSPHRASE is empty): the"
                    + " key file must be protected by one");
        } else {
            keyProblem(settings.keyFile(), settings.passphrase()).ifPresent(problems::add);
        }
        for (Path previous : settings.previousKeys()) {
            try {
                PublishedKeys.readPublicKeys(Files.readAllBytes(previous));
            } catch (IOException e) {
                problems.add("the previous signing key file " + previous + " cannot be read");
            } catch (UnusableKeyException e) {
                problems.add("the previous signing key file " + previous + " cannot be used: " + e.getMessage());
            }
        }
        return problems;
    }

    private static Optional<String> keyProblem(Path file, char[] passphrase) {
        try {
            SigningKey key = SigningKey.read(Files.readAllBytes(file), passphrase);
            if (!key.isProtected()) {
                return Optional.of("the signing key in " + file + " is not protected by a passphrase:"
                        + " protect it (gpg --passwd KEY) and export it again");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("the signing key file " + file + " cannot be read"
                    + " (OFFERFLOW_SIGNING_KEY_FILE)");
        } catch (UnusableKeyException e) {
            return Optional.of("the signing key in " + file + " cannot be used: " + e.getMessage());
        }
    }
}
