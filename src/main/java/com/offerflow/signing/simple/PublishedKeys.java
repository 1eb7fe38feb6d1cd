package com.offerflow.signing.simple;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public keys customers verify with: the current signing key first, then the older keys whose signatures must
 * stay valid after a rotation, each once. Written as one armoured keyring, the file that {@code policy.json}'s
 * {@code keyPath} names and that {@code gpg --import} takes.
 */
public final class PublishedKeys {

    private final Map<String, PGPPublicKeyRing> keys;

    private PublishedKeys(Map<String, PGPPublicKeyRing> keys) {
        this.keys = keys;
    }

    /** The current key's public half, then every key of the older public key files, without repeats. */
    public static PublishedKeys of(SigningKey current, List<PGPPublicKeyRing> older) {
        Map<String, PGPPublicKeyRing> keys = new LinkedHashMap<>();
        keys.put(current.fingerprint(), current.publicKeyRing());
        for (PGPPublicKeyRing ring : older) {
            keys.putIfAbsent(Fingerprints.of(ring.getPublicKey()), ring);
        }
        return new PublishedKeys(keys);
    }

    /**
     * Reads a public key file as {@code gpg --export --armor KEY...} writes it (armoured or binary, one key or
     * several). Keys that Debian 12's clients cannot verify with are refused, except that an expired or revoked key
     * is kept: publishing it does no harm, and GnuPG itself decides what its signatures are worth.
     *
     * @throws UnusableKeyException naming what is wrong, in plain words
     */
    public static List<PGPPublicKeyRing> readPublicKeys(byte[] keyFile) throws UnusableKeyException {
        List<PGPPublicKeyRing> rings = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyFile))) {
            new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator()).forEach(rings::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw new UnusableKeyException("the file is not an OpenPGP public key (as gpg --export --armor writes"
                    + " it)");
        }
        if (rings.isEmpty()) {
            throw new UnusableKeyException("the file holds no OpenPGP public key");
        }
        for (PGPPublicKeyRing ring : rings) {
            List<String> problems = SigningKey.verifiability(ring.getPublicKey());
            if (!problems.isEmpty()) {
                throw new UnusableKeyException("key " + Fingerprints.of(ring.getPublicKey()) + ": "
                        + String.join("; ", problems));
            }
        }
        return rings;
    }

    /** The fingerprints, current key first. */
    public List<String> fingerprints() {
        return List.copyOf(keys.keySet());
    }

    /** The armoured keyring, with a comment naming each key's fingerprint. */
    public byte[] armoured() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ArmoredOutputStream.Builder builder = ArmoredOutputStream.builder().clearHeaders();
        keys.keySet().forEach(fingerprint -> builder.addComment(fingerprint));
        try (ArmoredOutputStream armour = builder.build(bytes)) {
            for (PGPPublicKeyRing ring : keys.values()) {
                ring.encode(armour);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
