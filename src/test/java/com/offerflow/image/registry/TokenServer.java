package com.offerflow.image.registry;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal token server for the registry's bearer-token flow, on loopback: checks HTTP Basic credentials and
 * issues an RS256 JWT granting the requested repository actions, signed by a self-signed certificate (made with
 * the JDK's keytool) that the registry trusts as its root bundle.
 */
final class TokenServer {

    static final String SERVICE = "offerflow-test-registry";
    static final String ISSUER = "offerflow-test-issuer";

    private final String user;
    private final String password;
    private final AtomicInteger issued = new AtomicInteger();
    private HttpServer server;
    private Path certificate;
    private PrivateKey key;
    private Certificate cert;

    TokenServer(String user, String password) {
        this.user = user;
        this.password = password;
    }

    void start(Path dir) throws Exception {
        Path keystore = dir.resolve("token.p12");
        run("keytool", "-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=offerflow-test-token", "-validity", "2", "-ext", "bc:c",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        certificate = dir.resolve("token.pem");
        run("keytool", "-exportcert", "-rfc", "-alias", "token", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", certificate.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        key = (PrivateKey) ks.getKey("token", "changeit".toCharArray());
        cert = ks.getCertificate("token");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(auth)) {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
                return;
            }
            Map<String, String> query = new HashMap<>();
            for (String part : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = part.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
            byte[] body = ("{\"token\":\"" + jwt(query.get("scope")) + "\"}").getBytes(StandardCharsets.UTF_8);
            issued.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int issued() {
        return issued.get();
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    Path certificate() {
        return certificate;
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String jwt(String scope) {
        try {
            String[] parts = scope.split(":");
            String name = parts[1];
            String actions = "\"" + String.join("\",\"", parts[2].split(",")) + "\"";
            long now = Instant.now().getEpochSecond();
            String header = "{\"typ\":\"JWT\",\"alg\":\"RS256\",\"x5c\":[\""
                    + Base64.getEncoder().encodeToString(cert.getEncoded()) + "\"]}";
            String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + user + "\",\"aud\":\"" + SERVICE
                    + "\",\"exp\":" + (now + 300) + ",\"nbf\":" + (now - 30) + ",\"iat\":" + (now - 30)
                    + ",\"jti\":\"" + UUID.randomUUID() + "\",\"access\":[{\"type\":\"repository\",\"name\":\""
                    + name + "\",\"actions\":[" + actions + "]}]}";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String signingInput = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(rs256.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", command[0]).toString();
        command[0] = keytool;
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
