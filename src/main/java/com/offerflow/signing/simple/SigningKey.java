package com.offerflow.signing.simple;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.Features;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.PBESecretKeyEncryptor;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The marketplace's OpenPGP signing key: an OpenPGP v4 key whose <em>primary</em> key signs. Debian 12's skopeo
 * and podman (containers/image 5.23) accept a simple signature only when the key that made it is one of the
 * policy's keys themselves: a signature by a subkey names the subkey's fingerprint and is refused (containers/image
 * learned to map subkeys to their primary key only in 2025). So this class signs with the primary key, and refuses
 * keys whose primary key cannot sign.
 *
 * <p>Algorithms: what GnuPG 2.2 (Debian 12's gpgme 1.18) verifies in a v4 key: RSA of at least 2048 bits, ECDSA, and
 * Ed25519 in its "legacy" EdDSA encoding (algorithm 22; RFC 9580's v6 Ed25519, algorithm 27, is unknown to it).
 */
public final class SigningKey {

    /** The algorithm of a generated key. */
    public enum Algorithm { ED25519, RSA_3072 }

    static final int MIN_RSA_BITS = 2048;
    private static final Set<Integer> VERIFIABLE_BY_GNUPG_2_2 = Set.of(PublicKeyAlgorithmTags.RSA_GENERAL,
            PublicKeyAlgorithmTags.RSA_SIGN, PublicKeyAlgorithmTags.ECDSA, PublicKeyAlgorithmTags.EDDSA_LEGACY);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PGPSecretKeyRing secretKeys;
    private final PGPPrivateKey privateKey;

    private SigningKey(PGPSecretKeyRing secretKeys, PGPPrivateKey privateKey) {
        this.secretKeys = secretKeys;
        this.privateKey = privateKey;
    }

    /**
     * A new key whose primary key certifies and signs, with no expiry and no subkeys, unprotected (whoever stores it
     * protects the file) unless a passphrase is given.
     */
    public static SigningKey generate(Algorithm algorithm, String userId, Instant created, char[] passphrase) {
        try {
            Date date = Date.from(created);
            PGPKeyPair pair = switch (algorithm) {
                case ED25519 -> {
                    Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
                    generator.init(new Ed25519KeyGenerationParameters(RANDOM));
                    yield keyPair(PublicKeyAlgorithmTags.EDDSA_LEGACY, generator.generateKeyPair(), date);
                }
                case RSA_3072 -> {
                    RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
                    generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), RANDOM, 3072, 100));
                    yield keyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), date);
                }
            };
            PGPSignatureSubpacketGenerator selfSignature = new PGPSignatureSubpacketGenerator();
            selfSignature.setKeyFlags(true, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
            selfSignature.setPreferredHashAlgorithms(false,
                    new int[] {HashAlgorithmTags.SHA512, HashAlgorithmTags.SHA384, HashAlgorithmTags.SHA256});
            selfSignature.setFeature(false, Features.FEATURE_MODIFICATION_DETECTION);
            selfSignature.setIssuerFingerprint(false, pair.getPublicKey());
            PBESecretKeyEncryptor encryptor = passphrase == null || passphrase.length == 0 ? null
                    : new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                            new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x90)
                            .build(passphrase);
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair, userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), selfSignature.generate(), null,
                    new BcPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA512),
                    encryptor);
            PGPSecretKeyRing ring = rings.generateSecretKeyRing();
            return new SigningKey(ring, pair.getPrivateKey());
        } catch (PGPException e) {
            throw new IllegalStateException("Cannot generate an OpenPGP key: " + e.getMessage(), e);
        }
    }

    private static PGPKeyPair keyPair(int algorithm, AsymmetricCipherKeyPair pair, Date created)
            throws PGPException {
        return new BcPGPKeyPair(PublicKeyPacket.VERSION_4, algorithm, pair, created);
    }

    /**
     * Reads a private key file as {@code gpg --export-secret-keys --armor KEY} writes it (armoured or binary): one
     * key, whose primary key signs, can be verified by GnuPG 2.2, is neither revoked nor expired, and is unlocked
     * by the passphrase (empty for an unprotected key).
     *
     * @throws UnusableKeyException naming what is wrong with the key, in plain words
     */
    public static SigningKey read(byte[] keyFile, char[] passphrase) throws UnusableKeyException {
        PGPSecretKeyRing ring = readOne(keyFile);
        PGPSecretKey primary = ring.getSecretKey();
        List<String> problems = new ArrayList<>(verifiability(primary.getPublicKey()));
        problems.addAll(currentness(primary.getPublicKey(), Instant.now()));
        if (!problems.isEmpty()) {
            throw new UnusableKeyException(String.join("; ", problems));
        }
        if (primary.isPrivateKeyEmpty()) {
            throw new UnusableKeyException("the file has no secret of the primary key (was it exported with"
                    + " --export-secret-subkeys?); export it with gpg --export-secret-keys --armor");
        }
        try {
            PGPPrivateKey privateKey = primary.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(
                    new BcPGPDigestCalculatorProvider()).build(passphrase == null ? new char[0] : passphrase));
            if (privateKey == null) {
                throw new UnusableKeyException("the file has no secret of the primary key");
            }
            return new SigningKey(ring, privateKey);
        } catch (PGPException e) {
            throw new UnusableKeyException(passphrase == null || passphrase.length == 0
                    ? "the key is protected by a passphrase, and none was given"
                    : "the passphrase does not unlock the key");
        }
    }

    private static PGPSecretKeyRing readOne(byte[] keyFile) throws UnusableKeyException {
        List<PGPSecretKeyRing> rings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            new PGPSecretKeyRingCollection(in, new BcKeyFingerprintCalculator()).forEach(rings::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UnusableKeyException("the file is not an OpenPGP private key (as gpg --export-secret-keys"
                    + " --armor writes it; a public key is not enough)");
        }
        if (rings.size() != 1) {
            throw new UnusableKeyException(rings.isEmpty()
                    ? "the file holds no OpenPGP private key (a public key is not enough)"
                    : "the file holds " + rings.size() + " private keys; give one");
        }
        return rings.get(0);
    }

    /**
     * What keeps Debian 12's clients from accepting signatures of this primary key, whenever they were made; empty
     * when nothing does. Also asked of the older public keys that stay published.
     */
    static List<String> verifiability(PGPPublicKey primary) {
        List<String> problems = new ArrayList<>();
        if (primary.getVersion() != PublicKeyPacket.VERSION_4) {
            problems.add("it is an OpenPGP v" + primary.getVersion() + " key; GnuPG 2.2 (Debian 12's podman and"
                    + " skopeo) verifies v4 keys only");
        }
        if (!VERIFIABLE_BY_GNUPG_2_2.contains(primary.getAlgorithm())) {
            problems.add("its algorithm (OpenPGP algorithm " + primary.getAlgorithm() + ") is not one GnuPG 2.2"
                    + " verifies: use RSA (2048 bits or more), ECDSA or Ed25519 (gpg --quick-gen-key NAME ed25519"
                    + " sign never)");
        } else if (isRsa(primary.getAlgorithm()) && primary.getBitStrength() < MIN_RSA_BITS) {
            problems.add("its RSA key has " + primary.getBitStrength() + " bits; at least " + MIN_RSA_BITS
                    + " are needed");
        }
        if (!primaryKeySigns(primary)) {
            problems.add("its primary key is not allowed to sign (it leaves signing to a subkey, whose signatures"
                    + " Debian 12's podman and skopeo refuse); make a key whose primary key signs, e.g."
                    + " gpg --quick-gen-key NAME ed25519 sign never");
        }
        return problems;
    }

    /** What keeps the key from signing at {@code now}: a revocation, an expiry; empty when nothing does. */
    static List<String> currentness(PGPPublicKey primary, Instant now) {
        List<String> problems = new ArrayList<>();
        if (primary.hasRevocation()) {
            problems.add("it is revoked");
        }
        long validSeconds = primary.getValidSeconds();
        if (validSeconds > 0) {
            Instant expiry = primary.getCreationTime().toInstant().plusSeconds(validSeconds);
            if (!expiry.isAfter(now)) {
                problems.add("it expired on " + expiry);
            }
        }
        return problems;
    }

    private static boolean isRsa(int algorithm) {
        return algorithm == PublicKeyAlgorithmTags.RSA_GENERAL || algorithm == PublicKeyAlgorithmTags.RSA_SIGN;
    }

    /** Whether the primary key's self-signatures allow it to sign (a key without key flags may do anything). */
    private static boolean primaryKeySigns(PGPPublicKey primary) {
        boolean flagged = false;
        for (Iterator<PGPSignature> it = primary.getSignatures(); it.hasNext(); ) {
            PGPSignature signature = it.next();
            if (signature.getKeyID() != primary.getKeyID() || !signature.isCertification()
                    && signature.getSignatureType() != PGPSignature.DIRECT_KEY) {
                continue;
            }
            PGPSignatureSubpacketVector hashed = signature.getHashedSubPackets();
            if (hashed != null && hashed.hasSubpacket(org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)) {
                flagged = true;
                if ((hashed.getKeyFlags() & KeyFlags.SIGN_DATA) != 0) {
                    return true;
                }
            }
        }
        return !flagged;
    }

    /** The primary key's fingerprint in upper-case hex, as gpg, gpgme and skopeo name keys. */
    public String fingerprint() {
        return Fingerprints.of(publicKey());
    }

    /** The primary (signing) public key. */
    public PGPPublicKey publicKey() {
        return secretKeys.getPublicKey();
    }

    /** The public half to publish: the primary key, its user ids and self-signatures, and any subkeys. */
    public PGPPublicKeyRing publicKeyRing() {
        List<PGPPublicKey> keys = new ArrayList<>();
        secretKeys.getPublicKeys().forEachRemaining(keys::add);
        return new PGPPublicKeyRing(keys);
    }

    /** The whole key (secret included, protected as it was read or generated), armoured as gpg exports it. */
    public byte[] armouredSecretKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armour = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
            secretKeys.encode(armour);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Whether the secret key is protected by a passphrase (as stored, and as {@link #armouredSecretKey()} writes it). */
    public boolean isProtected() {
        return secretKeys.getSecretKey().getKeyEncryptionAlgorithm() != SymmetricKeyAlgorithmTags.NULL;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "OpenPGP key " + fingerprint();
    }
}
