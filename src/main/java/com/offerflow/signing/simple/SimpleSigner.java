package com.offerflow.signing.simple;

import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.CompressionAlgorithmTags;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Date;

/**
 * Makes simple signatures: an OpenPGP "signed message" (RFC 4880 section 11.3) that carries the
 * {@link SignaturePayload}, in the packets {@code gpg --sign} writes and {@code skopeo standalone-sign} therefore
 * writes too: a compressed-data packet (ZIP) holding a one-pass signature, the literal data (binary, no file name)
 * and the signature (binary document, SHA-256, the issuer's fingerprint and the creation time hashed). The signature
 * does not expire; a key rotation is what ends a key's use. Thread-safe: each call has its own generators.
 */
public final class SimpleSigner {

    private final SigningKey key;

    public SimpleSigner(SigningKey key) {
        this.key = key;
    }

    public SigningKey key() {
        return key;
    }

    /** The signature blob for the payload, as a lookaside store serves it ({@code signature-N}). */
    public byte[] sign(SignaturePayload payload) {
        byte[] content = payload.toJson();
        Date created = Date.from(payload.timestamp());
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(key.publicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                    key.publicKey());
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setIssuerFingerprint(false, key.publicKey());
            hashed.setSignatureCreationTime(false, created);
            generator.setHashedSubpackets(hashed.generate());
            PGPSignatureSubpacketGenerator unhashed = new PGPSignatureSubpacketGenerator();
            unhashed.setIssuerKeyID(false, key.publicKey().getKeyID());
            generator.setUnhashedSubpackets(unhashed.generate());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
            PGPCompressedDataGenerator compressed = new PGPCompressedDataGenerator(CompressionAlgorithmTags.ZIP);
            try (BCPGOutputStream packets = new BCPGOutputStream(compressed.open(bytes))) {
                generator.generateOnePassVersion(false).encode(packets);
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                try (OutputStream data = literal.open(packets, PGPLiteralData.BINARY, "", content.length, created)) {
                    data.write(content);
                }
                generator.update(content);
                generator.generate().encode(packets);
            }
            compressed.close();
            return bytes.toByteArray();
        } catch (PGPException e) {
            throw new IllegalStateException("Cannot sign with " + key + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
