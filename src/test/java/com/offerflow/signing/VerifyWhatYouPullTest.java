package com.offerflow.signing;

import com.offerflow.demo.SampleImage;
import com.offerflow.image.Digest;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.registry.DockerRegistryExtension;
import com.offerflow.signing.simple.DockerReference;
import com.offerflow.signing.simple.PublishedKeys;
import com.offerflow.signing.simple.SigningKey;
import com.offerflow.support.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What README's "Verify what you pull" tells customers to do, done with Debian's skopeo against a real registry
 * ({@code docker-registry}) whose images Offerflow signed: {@code policy.json} requires signatures by the keys
 * downloaded from {@code /api/signing-keys}, {@code registries.d} points the registry at the app's lookaside store.
 * A signed image pulls, by tag and by digest; an unsigned one, one moved under a signed tag, one signed under
 * another reference only, and one checked against another key are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class VerifyWhatYouPullTest {

    @RegisterExtension
    static DockerRegistryExtension registry = DockerRegistryExtension.anonymous();

    @LocalServerPort
    int port;
    @Autowired
    PackageSigner signer;
    @Autowired
    SigningKeys keys;
    @TempDir
    Path tmp;

    private String host;
    private String repository;
    private Path keyring;

    @BeforeEach
    void customerSetUp() throws Exception {
        Commands.assertInstalled("/usr/bin/skopeo", "skopeo");
        host = URI.create(registry.url()).getAuthority();
        repository = "contoso/web-" + UUID.randomUUID().toString().substring(0, 8);
        keyring = Files.write(tmp.resolve("offerflow-signing-keys.asc"), HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(app("/api/signing-keys"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body());
    }

    @Test
    void pullsASignedImageByTagAndByDigest() throws Exception {
        Digest digest = registry.push(SampleImage.image(), repository, "1.0.0");
        signer.sign(digest, List.of(reference(repository + ":1.0.0")));

        assertThat(pull(repository + ":1.0.0", keyring).succeeded()).isTrue();
        assertThat(pull(repository + "@" + digest, keyring).succeeded()).isTrue();
    }

    @Test
    void refusesAnUnsignedImage() throws Exception {
        registry.push(SampleImage.image(), repository, "1.0.0");

        GnuPg.Result pulled = pull(repository + ":1.0.0", keyring);

        assertThat(pulled.succeeded()).isFalse();
        assertThat(pulled.output()).contains("A signature was required, but no signature exists");
    }

    @Test
    void refusesAnotherImageUnderASignedTag() throws Exception {
        Digest signed = registry.push(SampleImage.image(), repository, "1.0.0");
        signer.sign(signed, List.of(reference(repository + ":1.0.0")));
        registry.push(OciImageBuilder.image().user("1000").layer(l -> l.file("swapped", "not what was signed")),
                repository, "1.0.0");

        GnuPg.Result pulled = pull(repository + ":1.0.0", keyring);

        assertThat(pulled.succeeded()).isFalse();
        assertThat(pulled.output()).contains("A signature was required, but no signature exists");
    }

    @Test
    void refusesASignatureThatNamesAnotherImage() throws Exception {
        Digest digest = registry.push(SampleImage.image(), repository, "1.0.0", "2.0.0");
        signer.sign(digest, List.of(reference(repository + ":2.0.0")));

        GnuPg.Result pulled = pull(repository + ":1.0.0", keyring);

        assertThat(pulled.succeeded()).isFalse();
        assertThat(pulled.output()).contains("Signature for identity " + reference(repository + ":2.0.0")
                + " is not accepted");
    }

    @Test
    void refusesASignatureByAKeyThePolicyDoesNotName() throws Exception {
        Digest digest = registry.push(SampleImage.image(), repository, "1.0.0");
        signer.sign(digest, List.of(reference(repository + ":1.0.0")));
        SigningKey other = SigningKey.generate(SigningKey.Algorithm.ED25519, "Someone else", Instant.now(), null);
        Path otherKeyring = Files.write(tmp.resolve("other.asc"), PublishedKeys.of(other, List.of()).armoured());

        GnuPg.Result pulled = pull(repository + ":1.0.0", otherKeyring);

        assertThat(pulled.succeeded()).isFalse();
        // gpgme has no public key for the signature (GPG_ERR_NO_PUBKEY): it names the key that made it
        assertThat(pulled.output()).contains("Source image rejected: Invalid GPG signature")
                .contains(keys.current().fingerprint());
    }

    private DockerReference reference(String repositoryAndTag) {
        return DockerReference.parse(host + "/" + repositoryAndTag);
    }

    /** {@code skopeo copy} with README's policy.json and registries.d (this registry's host), into a directory. */
    private GnuPg.Result pull(String image, Path keys) throws Exception {
        Path policy = Files.writeString(tmp.resolve("policy-" + UUID.randomUUID() + ".json"), """
                {
                  "default": [{"type": "insecureAcceptAnything"}],
                  "transports": {
                    "docker": {
                      "%s": [{"type": "signedBy", "keyType": "GPGKeys", "keyPath": "%s"}]
                    }
                  }
                }
                """.formatted(host, keys));
        Path registriesD = Files.createDirectories(tmp.resolve("registries.d"));
        Files.writeString(registriesD.resolve("offerflow.yaml"), """
                docker:
                  %s:
                    lookaside: %s
                """.formatted(host, app("/signatures")));
        try (GnuPg gpg = GnuPg.in(tmp)) {
            return gpg.run("skopeo", "--policy", policy.toString(), "--registries.d", registriesD.toString(),
                    "copy", "--src-tls-verify=false", "docker://" + host + "/" + image,
                    "dir:" + tmp.resolve("pulled-" + UUID.randomUUID()));
        }
    }

    private String app(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
