package com.offerflow.signing;

import com.offerflow.OfferflowApplication;
import com.offerflow.image.Digest;
import com.offerflow.signing.simple.DockerReference;
import com.offerflow.signing.simple.PublishedKeys;
import com.offerflow.signing.simple.SigningKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key rotation as an operator does it: the app signs with key A; it restarts with key B as its key and A's public
 * key as a previous key. The published keyring then holds both, what A signed still verifies with it
 * ({@code skopeo standalone-verify} with the downloaded keyring imported), and what is signed now is B's. On
 * PostgreSQL (127.0.0.1:5432, as .ci/run starts it), in a database the test creates and drops.
 */
class KeyRotationTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private final String database = "offerflow_rotation_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12);

    private static final DockerReference REFERENCE =
            DockerReference.parse("registry.westeurope.example/contoso/contoso-web:1.0.0");
    private static final byte[] MANIFEST_BEFORE = manifest("before");
    private static final byte[] MANIFEST_AFTER = manifest("after");

    @TempDir
    Path tmp;

    @Test
    void oldSignaturesStayValidWithThePublishedKeysAndNewOnesAreTheNewKeys() throws Exception {
        SigningKey keyA = SigningKey.generate(SigningKey.Algorithm.ED25519, "Offerflow A", Instant.now(),
                "passphrase A".toCharArray());
        SigningKey keyB = SigningKey.generate(SigningKey.Algorithm.RSA_3072, "Offerflow B", Instant.now(),
                "passphrase B".toCharArray());
        Path fileA = Files.write(tmp.resolve("a.asc"), keyA.armouredSecretKey());
        Path publicA = Files.write(tmp.resolve("a.pub.asc"), PublishedKeys.of(keyA, List.of()).armoured());
        Path fileB = Files.write(tmp.resolve("b.asc"), keyB.armouredSecretKey());

        try (ConfigurableApplicationContext app = start(database, "--offerflow.signing.key-file=" + fileA,
                "--offerflow.signing.key-passphrase=passphrase A")) {
            app.getBean(PackageSigner.class).sign(Digest.of(MANIFEST_BEFORE), List.of(REFERENCE));
        }
        try (ConfigurableApplicationContext app = start(database, "--offerflow.signing.key-file=" + fileB,
                "--offerflow.signing.key-passphrase=passphrase B", "--offerflow.signing.previous-keys=" + publicA);
                GnuPg customer = GnuPg.in(tmp)) {
            app.getBean(PackageSigner.class).sign(Digest.of(MANIFEST_AFTER), List.of(REFERENCE));
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");

            Path keyring = Files.write(tmp.resolve("keys.asc"), get(base + "/api/signing-keys"));
            assertThat(new String(Files.readAllBytes(keyring), StandardCharsets.US_ASCII))
                    .contains("Comment: " + keyB.fingerprint(), "Comment: " + keyA.fingerprint());
            customer.importKeys(keyring);
            Path before = signature(base, MANIFEST_BEFORE);
            Path after = signature(base, MANIFEST_AFTER);

            assertThat(verify(customer, MANIFEST_BEFORE, keyA, before).succeeded()).isTrue();
            assertThat(verify(customer, MANIFEST_AFTER, keyB, after).succeeded()).isTrue();
            GnuPg.Result notA = verify(customer, MANIFEST_AFTER, keyA, after);
            assertThat(notA.succeeded()).isFalse();
            assertThat(notA.output()).contains("Signature by " + keyB.fingerprint() + " does not match expected"
                    + " fingerprint " + keyA.fingerprint());
        }
    }

    private Path signature(String base, byte[] manifest) throws Exception {
        Digest digest = Digest.of(manifest);
        return Files.write(tmp.resolve(digest.hex() + ".sig"), get(base + "/signatures/contoso/contoso-web@sha256="
                + digest.hex() + "/signature-1"));
    }

    private GnuPg.Result verify(GnuPg customer, byte[] manifest, SigningKey key, Path signature) throws Exception {
        Path file = Files.write(tmp.resolve(Digest.of(manifest).hex() + ".json"), manifest);
        return customer.standaloneVerify(file, REFERENCE.toString(), key.fingerprint(), signature);
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        execute("create database " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("drop database if exists " + database + " with (force)");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private ConfigurableApplicationContext start(String database, String... signing) {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.profiles.active=demo,test,manual,postgres",
                "--server.port=0", "--spring.datasource.url=" + SERVER + database,
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--offerflow.data-dir=" + tmp.resolve("data")));
        args.addAll(List.of(signing));
        return new SpringApplicationBuilder(OfferflowApplication.class).run(args.toArray(String[]::new));
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static byte[] manifest(String which) {
        return ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":"
                + "{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:"
                + Digest.of(which.getBytes(StandardCharsets.UTF_8)).hex() + "\",\"size\":" + which.length()
                + "},\"layers\":[]}").getBytes(StandardCharsets.UTF_8);
    }
}
