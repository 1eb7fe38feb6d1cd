package com.offerflow.signing.simple;

import com.offerflow.image.Digest;
import com.offerflow.signing.GnuPg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Key files as operators make them with gpg (Debian 12's GnuPG 2.2): a passphrase-protected key whose primary key
 * signs is taken, and every key that would make signatures Debian 12's clients refuse is refused with what to do.
 */
class SigningKeyTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path tmp;

    @Test
    void readsAProtectedKeyExportedByGpgAndSignsWhatSkopeoVerifies() throws Exception {
        try (GnuPg gpg = GnuPg.in(tmp)) {
            String fingerprint = generate(gpg, "ed25519", "sign", "never", PASSPHRASE);
            byte[] exported = exportSecret(gpg, fingerprint, PASSPHRASE);

            SigningKey key = SigningKey.read(exported, PASSPHRASE.toCharArray());

            assertThat(key.fingerprint()).isEqualTo(fingerprint);
            Path manifest = Files.write(tmp.resolve("manifest.json"), SimpleSignerTest.MANIFEST);
            Path signature = Files.write(tmp.resolve("signature-1"),
                    SimpleSignerTest.sign(key, Digest.of(SimpleSignerTest.MANIFEST), SimpleSignerTest.REFERENCE));
            GnuPg.Result verified = gpg.standaloneVerify(manifest, SimpleSignerTest.REFERENCE, fingerprint, signature);
            assertThat(verified.succeeded()).as(verified.output()).isTrue();
        }
    }

    @Test
    void refusesAWrongOrMissingPassphrase() throws Exception {
        try (GnuPg gpg = GnuPg.in(tmp)) {
            byte[] exported = exportSecret(gpg, generate(gpg, "ed25519", "sign", "never", PASSPHRASE), PASSPHRASE);

            assertThatThrownBy(() -> SigningKey.read(exported, "wrong".toCharArray()))
                    .isInstanceOf(UnusableKeyException.class)
                    .hasMessage("the passphrase does not unlock the key");
            assertThatThrownBy(() -> SigningKey.read(exported, new char[0]))
                    .hasMessage("the key is protected by a passphrase, and none was given");
        }
    }

    @Test
    void refusesAPublicKey() throws Exception {
        try (GnuPg gpg = GnuPg.in(tmp)) {
            String fingerprint = generate(gpg, "ed25519", "sign", "never");
            byte[] publicKey = gpg.run("gpg", "--batch", "--export", "--armor", fingerprint).output()
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> SigningKey.read(publicKey, new char[0]))
                    .isInstanceOf(UnusableKeyException.class)
                    .hasMessageContaining("a public key is not enough");
        }
    }

    @Test
    void refusesAKeyThatLeavesSigningToASubkey() throws Exception {
        try (GnuPg gpg = GnuPg.in(tmp)) {
            String fingerprint = generate(gpg, "ed25519", "cert", "never");
            GnuPg.Result added = gpg.run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--quick-add-key", fingerprint, "ed25519", "sign", "never");
            assertThat(added.succeeded()).as(added.output()).isTrue();

            assertThatThrownBy(() -> SigningKey.read(exportSecret(gpg, fingerprint, ""), new char[0]))
                    .isInstanceOf(UnusableKeyException.class)
                    .hasMessageContaining("its primary key is not allowed to sign")
                    .hasMessageContaining("gpg --quick-gen-key NAME ed25519 sign never");
        }
    }

    @Test
    void refusesAnExpiredKey() throws Exception {
        try (GnuPg gpg = GnuPg.in(tmp)) {
            GnuPg.Result made = gpg.run("gpg", "--batch", "--faked-system-time", "20200101T000000",
                    "--pinentry-mode", "loopback", "--passphrase", "", "--quick-gen-key", "Old <old@offerflow.test>",
                    "ed25519", "sign", "1d");
            assertThat(made.succeeded()).as(made.output()).isTrue();
            String fingerprint = fingerprints(gpg).get(0);

            assertThatThrownBy(() -> SigningKey.read(exportSecret(gpg, fingerprint, ""), new char[0]))
                    .hasMessageContaining("it expired on 2020-01-02");
        }
    }

    @Test
    void refusesAShortRsaKeyAndAFileOfTwoKeys() throws Exception {
        try (GnuPg gpg = GnuPg.in(tmp)) {
            String rsa = generate(gpg, "rsa1024", "sign", "never");
            assertThatThrownBy(() -> SigningKey.read(exportSecret(gpg, rsa, ""), new char[0]))
                    .hasMessageContaining("its RSA key has 1024 bits; at least 2048 are needed");

            String second = generate(gpg, "ed25519", "sign", "never");
            byte[] both = gpg.run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--export-secret-keys", "--armor", rsa, second).output().getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SigningKey.read(both, new char[0]))
                    .hasMessage("the file holds 2 private keys; give one");
        }
    }

    @Test
    void refusesWhatIsNoKeyAtAll() {
        assertThatThrownBy(() -> SigningKey.read("hello".getBytes(StandardCharsets.UTF_8), new char[0]))
                .isInstanceOf(UnusableKeyException.class)
                .hasMessageContaining("is not an OpenPGP private key");
    }

    @Test
    void keepsTheProtectionOfAGeneratedKeyThroughItsArmour() throws Exception {
        SigningKey generated = SigningKey.generate(SigningKey.Algorithm.ED25519, "Offerflow <signing@offerflow.test>",
                Instant.now(), PASSPHRASE.toCharArray());

        SigningKey read = SigningKey.read(generated.armouredSecretKey(), PASSPHRASE.toCharArray());

        assertThat(read.fingerprint()).isEqualTo(generated.fingerprint());
        assertThatThrownBy(() -> SigningKey.read(generated.armouredSecretKey(), new char[0]))
                .hasMessage("the key is protected by a passphrase, and none was given");
    }

    /** Makes a key with gpg, unprotected, and returns its fingerprint. */
    static String generate(GnuPg gpg, String algorithm, String usage, String expiry) throws Exception {
        return generate(gpg, algorithm, usage, expiry, "");
    }

    /** Makes a key with gpg, protected by the passphrase (none when empty), and returns its fingerprint. */
    static String generate(GnuPg gpg, String algorithm, String usage, String expiry, String passphrase)
            throws Exception {
        List<String> before = fingerprints(gpg);
        GnuPg.Result made = gpg.run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--quick-gen-key", "Offerflow ops " + before.size() + " <ops@offerflow.test>", algorithm, usage,
                expiry);
        assertThat(made.succeeded()).as(made.output()).isTrue();
        List<String> after = fingerprints(gpg);
        after.removeAll(before);
        return after.get(0);
    }

    /** {@code gpg --export-secret-keys --armor}: the key as gpg protects it, with the passphrase it was made with. */
    static byte[] exportSecret(GnuPg gpg, String fingerprint, String passphrase) throws Exception {
        GnuPg.Result exported = gpg.run("gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", passphrase,
                "--export-secret-keys", "--armor", fingerprint);
        assertThat(exported.succeeded()).as(exported.output()).isTrue();
        return exported.output().getBytes(StandardCharsets.UTF_8);
    }

    static List<String> fingerprints(GnuPg gpg) throws Exception {
        String listed = gpg.run("gpg", "--batch", "--with-colons", "--list-secret-keys").output();
        List<String> fingerprints = new java.util.ArrayList<>();
        String previous = "";
        for (String line : listed.split("\n")) {
            if (line.startsWith("fpr:") && previous.startsWith("sec:")) {
                fingerprints.add(line.split(":")[9]);
            }
            previous = line;
        }
        return fingerprints;
    }
}
