package com.offerflow.signing;

import com.offerflow.signing.simple.PublishedKeys;
import com.offerflow.signing.simple.SigningKey;
import com.offerflow.signing.simple.UnusableKeyException;
import com.offerflow.storage.DataDirectory;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The key Offerflow signs with, and the keys it publishes. The configured key file if there is one; otherwise the
 * key generated under {@code <data-dir>/signing/signing-key.asc} at the first start (Ed25519: GnuPG 2.2 verifies it,
 * and it signs in well under a millisecond), shared by every node that shares the data directory.
 */
@Component
public class SigningKeys {

    /** The generated key, relative to the data directory. */
    static final String GENERATED_KEY = "signing/signing-key.asc";
    static final String GENERATED_USER_ID = "Offerflow marketplace (generated signing key)";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final SigningKey current;
    private final PublishedKeys published;

    SigningKeys(SigningSettings settings, DataDirectory data, Clock clock) {
        this.current = settings.keyFile() != null ? configured(settings) : generatedOnce(data, clock);
        List<PGPPublicKeyRing> older = new ArrayList<>();
        for (Path file : settings.previousKeys()) {
            older.addAll(previous(file));
        }
        this.published = PublishedKeys.of(current, older);
        log.info("Signing with OpenPGP key {}; publishing {}", current.fingerprint(), published.fingerprints());
    }

    /** The key that signs now. */
    public SigningKey current() {
        return current;
    }

    /** The keys customers verify with: the current one and the previous ones. */
    public PublishedKeys published() {
        return published;
    }

    private static SigningKey configured(SigningSettings settings) {
        try {
            return SigningKey.read(Files.readAllBytes(settings.keyFile()), settings.passphrase());
        } catch (IOException e) {
            throw new IllegalStateException("The signing key file " + settings.keyFile() + " cannot be read"
                    + " (offerflow.signing.key-file): " + e.getMessage(), e);
        } catch (UnusableKeyException e) {
            throw new IllegalStateException("The signing key in " + settings.keyFile() + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static List<PGPPublicKeyRing> previous(Path file) {
        try {
            return PublishedKeys.readPublicKeys(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("The previous signing key file " + file + " cannot be read"
                    + " (offerflow.signing.previous-keys): " + e.getMessage(), e);
        } catch (UnusableKeyException e) {
            throw new IllegalStateException("The previous signing key file " + file + " cannot be used: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The generated key: read when it exists, else made, written to a private temporary file and linked into place,
     * so that two nodes starting at once on one data directory end up with the same key (the loser reads the
     * winner's).
     */
    private static SigningKey generatedOnce(DataDirectory data, Clock clock) {
        Path file = data.folder("signing").resolve(Path.of(GENERATED_KEY).getFileName());
        try {
            if (!Files.exists(file)) {
                SigningKey key = SigningKey.generate(SigningKey.Algorithm.ED25519, GENERATED_USER_ID,
                        clock.instant(), null);
                Path temp = Files.createTempFile(file.getParent(), "signing-key-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.write(temp, key.armouredSecretKey());
                    Files.createLink(file, temp);
                    log.warn("Generated the signing key {} in {}: fine for trying Offerflow out; in production,"
                            + " configure the marketplace's own key (offerflow.signing.key-file)",
                            key.fingerprint(), file);
                } catch (FileAlreadyExistsException e) {
                    log.info("Another node generated the signing key first; using it");
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            return SigningKey.read(Files.readAllBytes(file), new char[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the generated signing key in " + file, e);
        } catch (UnusableKeyException e) {
            throw new IllegalStateException("The generated signing key " + file + " is unusable (" + e.getMessage()
                    + "); move it away to generate a new one, or configure offerflow.signing.key-file", e);
        }
    }
}
