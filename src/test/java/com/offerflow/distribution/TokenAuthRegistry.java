package com.offerflow.distribution;

import com.offerflow.image.registry.DockerRegistryExtension;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Debian's docker-registry (CNCF Distribution 2.8) on a loopback port whose token service is the app
 * ({@code auth: token} with the app's realm, this registry's service name, the app's issuer and certificate), with
 * its access log on, so that a test counts the uploads it received. Can be stopped and started again on the same
 * port and storage (a region that goes down and comes back).
 */
final class TokenAuthRegistry {

    private static final Pattern UPLOAD = Pattern.compile("\"(POST|PATCH|PUT) /v2/\\S+/blobs/uploads/");

    private final String service;
    private final Path dir;
    private final int port;
    private Process process;
    private int logOffset;

    TokenAuthRegistry(String service, Path parent) throws IOException {
        this.service = service;
        this.dir = Files.createDirectories(parent.resolve(service));
        this.port = DockerRegistryExtension.freePort();
    }

    String service() {
        return service;
    }

    /** {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code 127.0.0.1:<port>}, as skopeo names it. */
    String host() {
        return "127.0.0.1:" + port;
    }

    void start(String realm, String issuer, Path certificate) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                log:
                  level: info
                  accesslog:
                    disabled: false
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(dir.resolve("storage"), port, realm, service, issuer, certificate));
        process = new ProcessBuilder("/usr/bin/docker-registry", "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("registry.log").toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(500);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("docker-registry " + service + " did not start: " + log());
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    String log() throws IOException {
        Path file = dir.resolve("registry.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** The access log's lines since the last {@link #mark()}. */
    List<String> requestsSinceMark() throws IOException {
        String log = log();
        return log.substring(Math.min(logOffset, log.length())).lines()
                .filter(line -> line.contains("\"") && line.contains(" /v2/")).toList();
    }

    /** Blob upload requests (POST, PATCH, PUT of /blobs/uploads/) since the last {@link #mark()}. */
    List<String> uploadsSinceMark() throws IOException {
        return requestsSinceMark().stream().filter(line -> UPLOAD.matcher(line).find()).toList();
    }

    /** Starts counting requests from now. */
    void mark() throws IOException {
        logOffset = log().length();
    }
}
