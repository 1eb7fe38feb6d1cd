package com.offerflow.distribution;

import com.offerflow.distribution.token.TokenKeys;
import com.offerflow.image.registry.DockerRegistryExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a test of external registries sets up before its Spring context: the app's port (the registries' token realm
 * names it), a token key and certificate for the app (the registries trust the certificate), and docker-registry
 * instances whose token service is that app.
 */
final class TokenAuthSetup {

    final Path dir;
    final int appPort;
    final Path keys;

    TokenAuthSetup(String name) {
        try {
            dir = Files.createTempDirectory(name + "-");
            appPort = DockerRegistryExtension.freePort();
            keys = dir.resolve("keys");
            TokenKeys.generate(keys, "Offerflow test token service", Duration.ofDays(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A registry of this service, started, with the app as its token service. */
    TokenAuthRegistry registry(String service) {
        try {
            TokenAuthRegistry registry = new TokenAuthRegistry(service, dir);
            start(registry);
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(TokenAuthRegistry registry) throws IOException {
        try {
            registry.start("http://127.0.0.1:" + appPort + "/auth/token", "offerflow",
                    keys.resolve("token-certificate.pem"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Deletes the registries' storage, logs and the keys (stop the registries first). */
    void delete() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** The app's port and token key. */
    void properties(DynamicPropertyRegistry properties) {
        properties.add("server.port", () -> appPort);
        properties.add("offerflow.distribution.token-key", () -> keys.resolve("token-key.pem").toString());
        properties.add("offerflow.distribution.token-certificate",
                () -> keys.resolve("token-certificate.pem").toString());
    }
}
