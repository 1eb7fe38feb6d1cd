package com.offerflow.distribution.token;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The token service's signing key (EC P-256, for ES256) and its certificate. Registries trust the certificate
 * ({@code rootcertbundle}); each token carries it in its {@code x5c} header. Made with Bouncy Castle at first start
 * when none is configured, and kept as PEM files so that a restart (and every node of a cluster sharing the data
 * folder) signs with the same key.
 */
public final class TokenKeys {

    static final String KEY_FILE = "token-key.pem";
    static final String CERTIFICATE_FILE = "token-certificate.pem";

    private final ECPrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final X509Certificate certificate;

    private TokenKeys(ECPrivateKey privateKey, X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof ECPublicKey ecPublic)) {
            throw new IllegalArgumentException("the token certificate's key is not an EC key: ES256 needs P-256");
        }
        this.privateKey = privateKey;
        this.publicKey = ecPublic;
        this.certificate = certificate;
    }

    /** Reads a configured key (PEM: PKCS#8 or SEC1 "EC PRIVATE KEY") and certificate (PEM). */
    public static TokenKeys load(Path keyFile, Path certificateFile) {
        try {
            PrivateKey key = readKey(keyFile);
            X509Certificate certificate = readCertificate(certificateFile);
            if (!(key instanceof ECPrivateKey ecKey)) {
                throw new IllegalArgumentException(keyFile + " is not an EC private key: tokens are signed with ES256"
                        + " (P-256)");
            }
            TokenKeys keys = new TokenKeys(ecKey, certificate);
            keys.checkPair(keyFile, certificateFile);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing key " + keyFile + " or certificate "
                    + certificateFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The token signing key " + keyFile + " or certificate "
                    + certificateFile + " is unusable: " + e.getMessage(), e);
        }
    }

    /** The key and certificate under {@code dir}, made there first if missing. */
    public static TokenKeys loadOrGenerate(Path dir, String commonName) {
        Path keyFile = dir.resolve(KEY_FILE);
        Path certificateFile = dir.resolve(CERTIFICATE_FILE);
        if (!Files.exists(keyFile) || !Files.exists(certificateFile)) {
            generate(dir, commonName, Duration.ofDays(3650));
        }
        return load(keyFile, certificateFile);
    }

    /** Makes a P-256 key and a self-signed certificate for it, written as PEM files into {@code dir}. */
    public static void generate(Path dir, String commonName, Duration validity) {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validity)), name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            writeAtomically(dir.resolve(KEY_FILE), pem(new JcaPKCS8Generator(pair.getPrivate(), null).generate()),
                    true);
            writeAtomically(dir.resolve(CERTIFICATE_FILE), pem(certificate), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the token signing key under " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make a token signing key", e);
        }
    }

    public ECPrivateKey privateKey() {
        return privateKey;
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as PEM, for a registry's {@code rootcertbundle}. */
    public String certificatePem() {
        return pem(certificate);
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new IOException(file + " holds no unencrypted private key (PEM)");
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder);
            }
            throw new IOException(file + " holds no certificate (PEM)");
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the data folder's own permissions protect it
                }
            }
            Files.writeString(tmp, content, StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A key and a certificate that do not belong together would sign tokens no registry accepts. */
    private void checkPair(Path keyFile, Path certificateFile) throws GeneralSecurityException {
        byte[] probe = "offerflow".getBytes(StandardCharsets.US_ASCII);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalArgumentException("The token certificate " + certificateFile
                    + " is not the certificate of the key " + keyFile);
        }
    }

    /** Whether a public key is this service's (the verifier never trusts a key a token names itself). */
    boolean isOwn(PublicKey key) {
        return publicKey.equals(key);
    }
}
