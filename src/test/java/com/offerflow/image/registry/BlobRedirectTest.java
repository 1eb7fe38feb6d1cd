package com.offerflow.image.registry;

import com.offerflow.image.Descriptor;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.MediaTypes;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registries answer blob downloads with a redirect to storage (a signed URL); the client follows it without
 * sending the registry credentials there. The reference registry with filesystem storage never redirects, so a
 * loopback stand-in plays registry and storage here.
 */
class BlobRedirectTest {

    private final List<HttpServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
    }

    @Test
    void followsABlobRedirectWithoutOurCredentials() throws Exception {
        byte[] blob = "layer bytes".getBytes(StandardCharsets.UTF_8);
        List<String> storageAuth = new ArrayList<>();
        HttpServer storage = server();
        storage.createContext("/signed", exchange -> {
            storageAuth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, blob.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(blob);
            }
        });
        HttpServer registry = server();
        registry.createContext("/v2/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"test\"");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:"
                        + storage.getAddress().getPort() + "/signed?sig=abc");
                exchange.sendResponseHeaders(307, -1);
            }
            exchange.close();
        });
        RegistryClient client = new RegistryClient(new RegistryClient.Credentials("u", "p"));
        RegistryReference ref = RegistryReference.parse("http://127.0.0.1:" + registry.getAddress().getPort()
                + "/app:1");
        Descriptor layer = Descriptor.of(MediaTypes.OCI_LAYER_GZIP, blob);
        try (InputStream in = client.open(ref, ImageLimits.defaults()).openBlob(layer)) {
            assertThat(in.readAllBytes()).isEqualTo(blob);
        }
        assertThat(storageAuth).containsExactly("null");
    }

    private HttpServer server() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.start();
        servers.add(s);
        return s;
    }
}
