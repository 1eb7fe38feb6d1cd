package com.offerflow.signing.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.image.Digest;
import com.offerflow.signing.GnuPg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our simple signatures, checked by the real client: {@code skopeo standalone-verify} (gpgme with a GnuPG home that
 * holds the public key, as a customer's) accepts them, and refuses another key's, one naming another reference or
 * another manifest, and a corrupted one. And they are made of the same packets and payload as
 * {@code skopeo standalone-sign} makes with the same key.
 */
class SimpleSignerTest {

    static final String REFERENCE = "registry.westeurope.example:5000/contoso/contoso-web:1.0.0";
    static final byte[] MANIFEST = """
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":\
            "application/vnd.oci.image.config.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21f\
            e77e8310c060f61caaff8a","size":2},"layers":[]}""".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(SigningKey.Algorithm.class)
    void skopeoVerifiesOurSignature(SigningKey.Algorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm, "Offerflow test <signing@offerflow.test>", Instant.now(), null);
        Path signature = write("signature-1", sign(key, Digest.of(MANIFEST), REFERENCE));

        try (GnuPg gpg = customerTrusting(key)) {
            GnuPg.Result result = gpg.standaloneVerify(write("manifest.json", MANIFEST), REFERENCE,
                    key.fingerprint(), signature);

            assertThat(result.succeeded()).as(result.output()).isTrue();
            assertThat(result.output()).contains("Signature verified, digest " + Digest.of(MANIFEST));
        }
    }

    @Test
    void skopeoRefusesAnotherKeysSignature() throws Exception {
        SigningKey ours = ed25519();
        SigningKey other = ed25519();
        Path signature = write("signature-1", sign(other, Digest.of(MANIFEST), REFERENCE));
        Path manifest = write("manifest.json", MANIFEST);

        try (GnuPg gpg = customerTrusting(ours)) {
            GnuPg.Result unknownKey = gpg.standaloneVerify(manifest, REFERENCE, ours.fingerprint(), signature);
            assertThat(unknownKey.succeeded()).as(unknownKey.output()).isFalse();

            // even when the customer also has the other key, the policy names ours
            gpg.importKeys(write("other.asc", PublishedKeys.of(other, List.of()).armoured()));
            GnuPg.Result notAccepted = gpg.standaloneVerify(manifest, REFERENCE, ours.fingerprint(), signature);
            assertThat(notAccepted.succeeded()).isFalse();
            assertThat(notAccepted.output()).contains("Signature by " + other.fingerprint() + " does not match");
        }
    }

    @Test
    void skopeoRefusesASignatureNamingAnotherReference() throws Exception {
        SigningKey key = ed25519();
        Path signature = write("signature-1", sign(key, Digest.of(MANIFEST),
                "registry.westeurope.example:5000/fabrikam/fabrikam-web:1.0.0"));

        try (GnuPg gpg = customerTrusting(key)) {
            GnuPg.Result result = gpg.standaloneVerify(write("manifest.json", MANIFEST), REFERENCE,
                    key.fingerprint(), signature);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.output()).contains("Docker reference registry.westeurope.example:5000/fabrikam/"
                    + "fabrikam-web:1.0.0 does not match " + REFERENCE);
        }
    }

    @Test
    void skopeoRefusesASignatureOfAnotherManifest() throws Exception {
        SigningKey key = ed25519();
        Digest another = Digest.of("another manifest".getBytes(StandardCharsets.UTF_8));
        Path signature = write("signature-1", sign(key, another, REFERENCE));

        try (GnuPg gpg = customerTrusting(key)) {
            GnuPg.Result result = gpg.standaloneVerify(write("manifest.json", MANIFEST), REFERENCE,
                    key.fingerprint(), signature);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.output()).contains("Signature for docker digest \\\"" + another + "\\\" does not match");
        }
    }

    @Test
    void skopeoRefusesACorruptedSignature() throws Exception {
        SigningKey key = ed25519();
        byte[] bytes = sign(key, Digest.of(MANIFEST), REFERENCE);
        bytes[bytes.length - 10] ^= 0x01;
        Path signature = write("signature-1", bytes);

        try (GnuPg gpg = customerTrusting(key)) {
            GnuPg.Result result = gpg.standaloneVerify(write("manifest.json", MANIFEST), REFERENCE,
                    key.fingerprint(), signature);

            assertThat(result.succeeded()).as(result.output()).isFalse();
            assertThat(result.output()).contains("Error verifying signature");
        }
    }

    @ParameterizedTest
    @EnumSource(SigningKey.Algorithm.class)
    void isMadeOfWhatSkopeoStandaloneSignMakes(SigningKey.Algorithm algorithm) throws Exception {
        SigningKey key = SigningKey.generate(algorithm, "Offerflow test <signing@offerflow.test>", Instant.now(), null);
        Path ours = write("ours", sign(key, Digest.of(MANIFEST), REFERENCE));
        Path manifest = write("manifest.json", MANIFEST);

        try (GnuPg gpg = GnuPg.in(tmp)) {
            // gpg takes our generated key as it is, secret included
            gpg.importKeys(write("secret.asc", key.armouredSecretKey()));
            Path skopeos = tmp.resolve("skopeos");
            GnuPg.Result signed = gpg.run("skopeo", "standalone-sign", manifest.toString(), REFERENCE,
                    key.fingerprint(), "-o", skopeos.toString());
            assertThat(signed.succeeded()).as(signed.output()).isTrue();

            assertThat(packets(gpg, ours)).isEqualTo(packets(gpg, skopeos))
                    .contains(":compressed packet: algo=1", ":literal data packet:", "mode b", "name=\"\"",
                            "hashed subpkt 33", "hashed subpkt 2", "subpkt 16");
            JsonNode ourPayload = payload(gpg, ours);
            JsonNode skopeoPayload = payload(gpg, skopeos);
            assertThat(ourPayload.get("critical")).isEqualTo(skopeoPayload.get("critical"));
            assertThat(ourPayload.get("optional").fieldNames()).toIterable()
                    .containsExactlyElementsOf(() -> skopeoPayload.get("optional").fieldNames());
            assertThat(ourPayload.at("/optional/creator").asText()).isEqualTo(SignaturePayload.CREATOR);
        }
    }

    /** The packets and their kinds, as gpg --list-packets prints them, without times, sizes and signature data. */
    private static List<String> packets(GnuPg gpg, Path signature) throws Exception {
        GnuPg.Result listed = gpg.run("gpg", "--batch", "--list-packets", signature.toString());
        Pattern shape = Pattern.compile("^(:[a-z_ ]+ packet:.*?(?:algo \\d+|keyid|$))|(version \\d+, sigclass 0x\\d+)"
                + "|(mode \\w)|(name=\"[^\"]*\")|((?:hashed )?subpkt \\d+)", Pattern.MULTILINE);
        Matcher m = shape.matcher(listed.output().replaceAll("keyid [0-9A-F]+", "keyid"));
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group().trim());
        }
        return found;
    }

    private static JsonNode payload(GnuPg gpg, Path signature) throws Exception {
        GnuPg.Result decrypted = gpg.run("gpg", "--batch", "--quiet", "--skip-verify", "--decrypt",
                signature.toString());
        return new ObjectMapper().readTree(decrypted.output());
    }

    private GnuPg customerTrusting(SigningKey key) throws Exception {
        GnuPg gpg = GnuPg.in(tmp);
        gpg.importKeys(write("keys.asc", PublishedKeys.of(key, List.of()).armoured()));
        return gpg;
    }

    static byte[] sign(SigningKey key, Digest manifest, String reference) {
        return new SimpleSigner(key).sign(SignaturePayload.of(manifest, DockerReference.parse(reference),
                Instant.now()));
    }

    static SigningKey ed25519() {
        return SigningKey.generate(SigningKey.Algorithm.ED25519, "Offerflow test <signing@offerflow.test>",
                Instant.now(), null);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
