package com.offerflow.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.offer.LeadManagement;
import com.offerflow.publication.Finding;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lead management against a real HTTPS endpoint on loopback, with a certificate made by keytool for the test: the
 * endpoint must accept the test lead; a refusal, an unreachable or untrusted endpoint, or a private address is a
 * finding for the publisher.
 */
class LeadDestinationServiceTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;
    private static Path keyStore;
    private HttpsServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void certificate() throws Exception {
        keyStore = keys.resolve("leads.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "leads", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void endpointThatAcceptsTheTestLeadIsReady() throws Exception {
        String url = serve(202);
        assertThat(service(true, keyStore).connect("p-1", "contoso-web", new LeadManagement.HttpsEndpoint(url)))
                .isEmpty();
        assertThat(received).singleElement().satisfies(lead -> {
            assertThat(lead.path("leadId").asText()).isEqualTo("offerflow-test-p-1");
            assertThat(lead.path("offerId").asText()).isEqualTo("contoso-web");
            assertThat(lead.path("test").asBoolean()).isTrue();
        });
    }

    @Test
    void endpointThatRefusesIsAFinding() throws Exception {
        String url = serve(500);
        Optional<Finding> finding = service(true, keyStore).connect("p-1", "o", new LeadManagement.HttpsEndpoint(url));
        assertThat(finding).hasValueSatisfying(f -> {
            assertThat(f.field()).isEqualTo("leadManagement.url");
            assertThat(f.rule()).isEqualTo("LeadEndpointReachable");
            assertThat(f.message()).isEqualTo("the lead endpoint answered the test lead with HTTP 500");
        });
    }

    @Test
    void untrustedCertificateIsAFinding() throws Exception {
        String url = serve(200);
        Optional<Finding> finding = service(true, null).connect("p-1", "o", new LeadManagement.HttpsEndpoint(url));
        assertThat(finding).hasValueSatisfying(f -> assertThat(f.message())
                .startsWith("the lead endpoint could not be reached over HTTPS: SSLHandshakeException"));
        assertThat(received).isEmpty();
    }

    @Test
    void unreachableEndpointIsAFinding() throws Exception {
        Optional<Finding> finding = service(true, keyStore)
                .connect("p-1", "o", new LeadManagement.HttpsEndpoint("https://127.0.0.1:1/leads"));
        assertThat(finding).hasValueSatisfying(f -> assertThat(f.message())
                .startsWith("the lead endpoint could not be reached over HTTPS: ConnectException"));
    }

    @Test
    void privateAddressesAreNotContactedByDefault() throws Exception {
        String url = serve(200);
        Optional<Finding> finding = service(false, keyStore).connect("p-1", "o", new LeadManagement.HttpsEndpoint(url));
        assertThat(finding).hasValueSatisfying(f -> assertThat(f.message())
                .isEqualTo("the lead endpoint's host 127.0.0.1 is a private or local address, which is not contacted"));
        assertThat(received).isEmpty();
    }

    @Test
    void noneAndEmailNeedNoConnection() throws Exception {
        LeadDestinationService service = service(false, null);
        assertThat(service.connect("p-1", "o", new LeadManagement.None())).isEmpty();
        assertThat(service.connect("p-1", "o", new LeadManagement.Email(List.of("leads@contoso.example")))).isEmpty();
    }

    private LeadDestinationService service(boolean allowPrivate, Path trustStore) throws Exception {
        return new LeadDestinationService(new LeadSettings(Duration.ofSeconds(5), allowPrivate, trustStore, PASSWORD),
                json);
    }

    private String serve(int status) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/leads", exchange -> {
            received.add(json.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/leads";
    }
}
