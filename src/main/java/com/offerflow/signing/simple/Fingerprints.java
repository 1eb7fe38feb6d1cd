package com.offerflow.signing.simple;

import org.bouncycastle.openpgp.PGPPublicKey;

import java.util.HexFormat;

/** OpenPGP fingerprints as gpg, gpgme and skopeo print them: upper-case hex, no spaces. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String of(PGPPublicKey key) {
        return HexFormat.of().withUpperCase().formatHex(key.getFingerprint());
    }
}
