package com.offerflow.scanner;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a real clamd (Debian package {@code clamav-daemon}: {@code apt-get install -y clamav-daemon}) on a free
 * loopback TCP port with a temporary DatabaseDirectory holding only our own test signatures (no signature
 * download works here), once per test class. Fails with a clear message when clamd is missing; never skips.
 */
final class ClamdExtension implements BeforeAllCallback, AfterAllCallback {

    static final Path BINARY = Path.of("/usr/sbin/clamd");
    /** Content that the body-based test signature matches anywhere in a file. */
    static final String PATTERN = "OFFERFLOW-TEST-MALWARE-PATTERN-7f3a";

    private Process process;
    private Path dir;
    private int port;

    int port() {
        return port;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assertThat(BINARY).as("clamd is missing: install it with 'apt-get install -y clamav-daemon' "
                + "(tests never skip it)").isExecutable();
        dir = Files.createTempDirectory("clamd-test-");
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("offerflow-test.ndb"), "Offerflow.Test.Pattern:0:*:"
                + HexFormat.of().formatHex(PATTERN.getBytes(StandardCharsets.US_ASCII)) + "\n");
        port = freePort();
        Path config = dir.resolve("clamd.conf");
        Files.writeString(config, """
                Foreground yes
                LogFile %s
                LogTime yes
                TCPSocket %d
                TCPAddr 127.0.0.1
                DatabaseDirectory %s
                TemporaryDirectory %s
                PidFile %s
                StreamMaxLength 25M
                Bytecode no
                """.formatted(dir.resolve("clamd.log"), port, db, Files.createDirectories(dir.resolve("tmp")),
                dir.resolve("clamd.pid")));
        process = new ProcessBuilder(BINARY.toString(), "--config-file=" + config).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (pong()) {
                return;
            }
            Thread.sleep(100);
        }
        String out = Files.readString(dir.resolve("stdout.log"))
                + (Files.exists(dir.resolve("clamd.log")) ? Files.readString(dir.resolve("clamd.log")) : "");
        throw new IllegalStateException("clamd did not start on port " + port + ":\n" + out);
    }

    private boolean pong() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
