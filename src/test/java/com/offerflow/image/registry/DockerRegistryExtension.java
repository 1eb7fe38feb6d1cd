package com.offerflow.image.registry;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.OciImageBuilder;
import com.offerflow.image.OciLayout;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the reference distribution registry (Debian package {@code docker-registry}: {@code apt-get install -y
 * docker-registry}) on a free loopback port with its storage in a temporary directory, once per test class, and
 * stops it afterwards. Fails with a clear message when the binary is missing; never skips. Tests of other packages
 * use an anonymous one as the registry publishers pull from, pushing their images with {@link #push}.
 */
public final class DockerRegistryExtension implements BeforeAllCallback, AfterAllCallback {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private String htpasswdUser;
    private String htpasswdPassword;
    private TokenServer tokenServer;
    private Process process;
    private Path dir;
    private int port;

    public static DockerRegistryExtension anonymous() {
        return new DockerRegistryExtension();
    }

    /** HTTP Basic with one user (a bcrypt htpasswd file). */
    static DockerRegistryExtension withBasic(String user, String password) {
        DockerRegistryExtension e = new DockerRegistryExtension();
        e.htpasswdUser = user;
        e.htpasswdPassword = password;
        return e;
    }

    /** Bearer tokens issued by the given token server (started before the registry). */
    static DockerRegistryExtension withTokens(TokenServer server) {
        DockerRegistryExtension e = new DockerRegistryExtension();
        e.tokenServer = server;
        return e;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A repository of this registry as a technical configuration names it: {@code http://127.0.0.1:<port>/<name>}. */
    public String repository(String name) {
        return url() + "/" + name;
    }

    /**
     * Pushes an image built in Java to a repository of this (anonymous) registry under each tag, moving tags that
     * name another image; returns the digest of the pushed manifest (or index).
     */
    public Digest push(OciImageBuilder image, String repository, String... tags) throws IOException {
        Path layoutDir = Files.createTempDirectory(dir, "push-");
        try {
            Descriptor top = image.writeLayout(layoutDir);
            RegistryClient client = new RegistryClient(null);
            for (String tag : tags) {
                client.push(OciLayout.open(layoutDir, ImageLimits.defaults()), top,
                        RegistryReference.parse(repository(repository) + ":" + tag));
            }
            return top.digest();
        } catch (InvalidImageException e) {
            throw new IOException("The built image cannot be pushed: " + e.getMessage(), e);
        } finally {
            try (var files = Files.walk(layoutDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assertThat(BINARY).as("the reference registry is missing: install it with "
                + "'apt-get install -y docker-registry' (tests never skip it)").isExecutable();
        dir = Files.createTempDirectory("docker-registry-test-");
        port = freePort();
        StringBuilder config = new StringBuilder("""
                version: 0.1
                log:
                  level: warn
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("storage"), port));
        if (htpasswdUser != null) {
            Path htpasswd = dir.resolve("htpasswd");
            Files.writeString(htpasswd, htpasswdUser + ":" + new BCryptPasswordEncoder().encode(htpasswdPassword)
                    + "\n");
            config.append("""
                    auth:
                      htpasswd:
                        realm: offerflow-test
                        path: %s
                    """.formatted(htpasswd));
        }
        if (tokenServer != null) {
            tokenServer.start(dir);
            config.append("""
                    auth:
                      token:
                        realm: %s
                        service: %s
                        issuer: %s
                        rootcertbundle: %s
                    """.formatted(tokenServer.realm(), TokenServer.SERVICE, TokenServer.ISSUER,
                    tokenServer.certificate()));
        }
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config);
        process = new ProcessBuilder(BINARY.toString(), "serve", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        waitUntilUp();
    }

    private void waitUntilUp() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                break;
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(500);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        String log = Files.exists(dir.resolve("registry.log")) ? Files.readString(dir.resolve("registry.log")) : "";
        throw new IllegalStateException("docker-registry did not start on port " + port + ":\n" + log);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (tokenServer != null) {
            tokenServer.stop();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
