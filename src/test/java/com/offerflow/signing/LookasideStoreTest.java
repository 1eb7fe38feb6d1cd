package com.offerflow.signing;

import com.offerflow.image.Digest;
import com.offerflow.signing.simple.DockerReference;
import com.offerflow.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookaside signature store and the public keys over real HTTP, without credentials, as skopeo and podman read
 * them: each signature of a manifest in turn, then 404; the keyring gpg imports. Paths that are not exactly a
 * signature's answer 400 or 404 and read nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class LookasideStoreTest {

    @LocalServerPort
    int port;
    @Autowired
    PackageSigner signer;
    @Autowired
    SigningKeys keys;
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();
    private Digest manifest;
    private String repository;

    @BeforeEach
    void aManifest() {
        manifest = Digest.of(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        repository = "contoso/web-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void servesEverySignatureOfAManifestInTurnThenNotFound() throws Exception {
        List<DockerReference> references = List.of(
                DockerReference.parse("registry.westeurope.example/" + repository + ":1.0.0"),
                DockerReference.parse("registry.eastus.example/" + repository + ":1.0.0"),
                DockerReference.parse("preview.offerflow.example:5000/" + repository + ":1.0.0"));
        signer.sign(manifest, references);

        try (GnuPg gpg = GnuPg.in(tmp)) {
            gpg.importKeys(Files.write(tmp.resolve("keys.asc"), get("/api/signing-keys").body()));
            Path manifestFile = Files.write(tmp.resolve("manifest.json"), new byte[0]);
            for (int n = 1; n <= references.size(); n++) {
                HttpResponse<byte[]> signature = get("/signatures/" + repository + "@sha256=" + manifest.hex()
                        + "/signature-" + n);
                assertThat(signature.statusCode()).isEqualTo(200);
                assertThat(signature.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
                // each names its own reference (the manifest file is not this digest's: skopeo says so last)
                GnuPg.Result checked = gpg.standaloneVerify(manifestFile, references.get(n - 1).toString(),
                        keys.current().fingerprint(), Files.write(tmp.resolve("signature-" + n), signature.body()));
                assertThat(checked.output()).contains("Signature for docker digest \\\"" + manifest
                        + "\\\" does not match");
            }
        }
        assertThat(get("/signatures/" + repository + "@sha256=" + manifest.hex() + "/signature-4").statusCode())
                .isEqualTo(404);
        assertThat(get("/signatures/" + repository + "-other@sha256=" + manifest.hex() + "/signature-1")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void signsEachReferenceOnceHoweverOftenPackagingRetries() throws Exception {
        DockerReference reference = DockerReference.parse("registry.westeurope.example/" + repository + ":1.0.0");

        PackageSignature first = signer.sign(manifest, List.of(reference)).get(0);
        PackageSignature again = signer.sign(manifest, List.of(reference, reference)).get(0);

        assertThat(again).isEqualTo(first);
        assertThat(first.lookasidePath()).isEqualTo(repository + "@sha256=" + manifest.hex());
        assertThat(first.keyFingerprint()).isEqualTo(keys.current().fingerprint());
        assertThat(get("/signatures/" + first.lookasidePath() + "/signature-1").statusCode()).isEqualTo(200);
        assertThat(get("/signatures/" + first.lookasidePath() + "/signature-2").statusCode()).isEqualTo(404);
    }

    @Test
    void publishesTheKeysArmouredForGpgWithoutCredentials() throws Exception {
        HttpResponse<byte[]> keyring = get("/api/signing-keys");

        assertThat(keyring.statusCode()).isEqualTo(200);
        assertThat(keyring.headers().firstValue("Content-Type")).hasValue("application/pgp-keys");
        String armour = new String(keyring.body(), StandardCharsets.US_ASCII);
        assertThat(armour).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----")
                .contains("Comment: " + keys.current().fingerprint())
                .doesNotContain("PRIVATE");
        try (GnuPg gpg = GnuPg.in(tmp)) {
            gpg.importKeys(Files.write(tmp.resolve("keys.asc"), keyring.body()));
            assertThat(gpg.run("gpg", "--batch", "--with-colons", "--list-keys").output())
                    .contains("fpr:::::::::" + keys.current().fingerprint() + ":");
        }
    }

    /** Each sent exactly as written (no client normalises it); {hex} is a signed manifest's digest. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /signatures/../api/signing-keys                                  | 400
            /signatures/%2e%2e/%2e%2e/etc/passwd                             | 400
            /signatures/{repo}%2F..@sha256={hex}/signature-1                 | 400
            /signatures/{repo}/./x@sha256={hex}/signature-1                  | 400
            /signatures/{repo}//x@sha256={hex}/signature-1                   | 400
            /signatures/{repo}@sha256={hex}/signature-1;jsessionid=x         | 400
            /signatures/{repo}@sha256={HEX}/signature-1                      | 404
            /signatures/{repo}@sha512={hex}/signature-1                      | 404
            /signatures/{repo}@sha256:{hex}/signature-1                      | 404
            /signatures/{repo}@sha256={hex}/signature-0                      | 404
            /signatures/{repo}@sha256={hex}/signature-01                     | 404
            /signatures/{repo}@sha256={hex}/signature-99999                  | 404
            /signatures/{repo}@sha256={hex}/                                 | 404
            /signatures/{repo}@sha256={hex}                                  | 404
            /signatures/                                                     | 404
            /signatures/{long}@sha256={hex}/signature-1                      | 404
            /signatures/Contoso/Web@sha256={hex}/signature-1                 | 404
            """)
    void answersWhatIsNotASignaturesPathWithoutReadingIt(String path, int status) {
        signer.sign(manifest, List.of(DockerReference.parse("registry.westeurope.example/" + repository + ":1.0.0")));
        String sent = path.replace("{repo}", repository).replace("{hex}", manifest.hex())
                .replace("{HEX}", manifest.hex().toUpperCase()).replace("{long}", "a/".repeat(300) + "a");

        ApiClient.Response response = new ApiClient(port).raw(null, "GET", sent, Map.of(), null);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("root:", "BEGIN PGP");
    }

    @Test
    void refusesToBeWrittenTo() {
        String path = "/signatures/" + repository + "@sha256=" + manifest.hex() + "/signature-1";

        ApiClient.Response response = new ApiClient(port).raw(null, "PUT", path,
                Map.of("Content-Length", "3", "Content-Type", "application/octet-stream"), "abc".getBytes());

        assertThat(response.status()).isIn(401, 403, 405);
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
