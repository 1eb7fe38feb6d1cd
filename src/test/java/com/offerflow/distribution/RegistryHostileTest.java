package com.offerflow.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import com.offerflow.distribution.token.Access;
import com.offerflow.distribution.token.TokenIssuer;
import com.offerflow.distribution.token.TokenKeys;
import com.offerflow.support.ApiClient;
import com.offerflow.support.ApiClient.Response;
import com.offerflow.support.ProcessDriver;
import com.offerflow.web.Publishing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile client tries against the token service and the embedded registry: forged tokens, scopes it may
 * not have, names that would leave the store, ranges past a blob's end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class RegistryHostileTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;
    @Autowired
    TokenKeys keys;
    @TempDir
    Path tmp;

    ApiClient api;
    Publishing publishing;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        publishing = new Publishing(api, driver);
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    /** A token from the token service, as {@code user} (null: anonymous), for the scopes. */
    private String token(String user, String service, String... scopes) {
        StringBuilder query = new StringBuilder("/auth/token?service=" + service);
        for (String scope : scopes) {
            query.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        Response response = api.get(user, query.toString());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("token").asText();
    }

    private static List<Access> access(String token) throws Exception {
        List<Access> access = new ArrayList<>();
        for (Object entry : SignedJWT.parse(token).getJWTClaimsSet().getListClaim("access")) {
            @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) entry;
            @SuppressWarnings("unchecked") List<String> actions = (List<String>) map.get("actions");
            access.add(new Access((String) map.get("type"), (String) map.get("name"), actions));
        }
        return access;
    }

    private Response registry(String path, String token, String... headers) {
        return api.send(null, path, request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return request.GET();
        });
    }

    @Test
    void forgedTokensAreRefusedLikeNoToken() throws Exception {
        String offerId = publishing.createOffer();
        publishing.publishToLive(offerId);
        String name = "westeurope/contoso/" + offerId;
        String manifest = "/v2/" + name + "/manifests/1.0.0";
        List<Access> pull = List.of(Access.repository(name, List.of("pull")));
        assertThat(registry(manifest, token(null, "offerflow", "repository:" + name + ":pull")).status())
                .as("the genuine token").isEqualTo(200);

        TokenKeys otherKeys = TokenKeys.loadOrGenerate(tmp.resolve("other"), "Offerflow registry token service");
        String anotherKey = new TokenIssuer(otherKeys, "offerflow", Duration.ofMinutes(5), Clock.systemUTC())
                .issue("mallory", "offerflow", pull).token();
        String expired = new TokenIssuer(keys, "offerflow", Duration.ofMinutes(5),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC)).issue("mallory", "offerflow",
                pull).token();
        String anotherAudience = new TokenIssuer(keys, "offerflow", Duration.ofMinutes(5), Clock.systemUTC())
                .issue("mallory", "region-westeurope", pull).token();
        String genuine = new TokenIssuer(keys, "offerflow", Duration.ofMinutes(5), Clock.systemUTC())
                .issue("mallory", "offerflow", pull).token();
        String algNone = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + genuine.split("\\.")[1] + ".";

        for (String forged : List.of(anotherKey, expired, anotherAudience, algNone)) {
            Response refused = registry(manifest, forged);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer realm=\"http://")
                    .contains("/auth/token\",service=\"offerflow\",scope=\"repository:" + name + ":pull\"");
            assertThat(refused.json().path("errors").path(0).path("code").asText()).isEqualTo("UNAUTHORIZED");
        }
        Skopeo skopeo = new Skopeo(tmp.resolve("skopeo"));
        Skopeo.Result pulled = skopeo.pullWithToken("127.0.0.1:" + port + "/" + name + ":1.0.0", anotherKey);
        assertThat(pulled.ok()).as(pulled.toString()).isFalse();
    }

    @Test
    void theTokenServiceGrantsNoMoreThanTheRules() throws Exception {
        String offerId = publishing.createOffer();
        publishing.publishToLive(offerId);
        String live = "westeurope/contoso/" + offerId;

        assertThat(access(token("alice", "offerflow", "repository:" + live + ":pull,push,delete")))
                .containsExactly(Access.repository(live, List.of("pull")));
        assertThat(access(token(null, "offerflow", "repository:" + live + ":*")))
                .containsExactly(Access.repository(live, List.of("pull")));
        assertThat(access(token("alice", "offerflow", "repository:westeurope/contoso/*:pull",
                "repository:*:*", "registry:catalog:*", "repository:westeurope/contoso/../fabrikam/x:pull",
                "repository:southeastasia/contoso/" + offerId + ":pull"))).isEmpty();

        String previewOffer = publishing.createOffer();
        String publicationId = publishing.start(previewOffer);
        publishing.toPreview(publicationId);
        String preview = "preview/contoso/" + previewOffer;
        assertThat(access(token("carol", "offerflow", "repository:" + preview + ":pull,push")))
                .containsExactly(Access.repository(preview, List.of("pull")));
        assertThat(access(token("bob", "offerflow", "repository:" + preview + ":pull"))).isEmpty();
        assertThat(access(token("dave", "offerflow", "repository:" + preview + ":pull"))).isEmpty();
        assertThat(access(token(null, "offerflow", "repository:" + preview + ":pull"))).isEmpty();
        assertThat(api.get(null, "/auth/token?service=someone-else&scope=repository:" + live + ":pull").status())
                .isEqualTo(400);
    }

    @Test
    void namesThatWouldLeaveTheStoreAreRefused() {
        String offerId = publishing.createOffer();
        publishing.publishToLive(offerId);
        String token = token(null, "offerflow", "repository:westeurope/contoso/" + offerId + ":pull");
        List<String> paths = List.of(
                "/v2/westeurope/contoso/" + offerId + "/../../../../../etc/manifests/latest",
                "/v2/westeurope/contoso/..%2F..%2F" + offerId + "/manifests/1.0.0",
                "/v2/westeurope%2Fcontoso%2F" + offerId + "/manifests/1.0.0",
                "/v2/westeurope/contoso/%2e%2e/" + offerId + "/manifests/1.0.0",
                "/v2/westeurope//contoso/" + offerId + "/manifests/1.0.0",
                "/v2/westeurope/contoso/" + "a".repeat(129) + "/manifests/1.0.0",
                "/v2/westeurope/contoso/" + offerId + "/blobs/sha256:..%2F..%2Findex.json",
                "/v2/westeurope/contoso/" + offerId + "/manifests/..%2F..%2Findex.json",
                "/v2/westeurope/contoso/" + offerId + "/blobs/sha256:" + "0".repeat(63) + "g");
        for (String path : paths) {
            Response response = api.raw(null, "GET", path, Map.of("Authorization", "Bearer " + token), null);
            assertThat(response.status()).as(path + ": " + response.body()).isIn(400, 404);
            assertThat(response.body()).doesNotContain("imageLayoutVersion", "schemaVersion", "root:");
        }
    }

    @Test
    void rangesAreServedAndARangePastTheEndIs416() {
        String offerId = publishing.createOffer();
        String publicationId = publishing.publishToLive(offerId);
        String name = "eastus/contoso/" + offerId;
        String token = token(null, "offerflow", "repository:" + name + ":pull");
        Response manifest = registry("/v2/" + name + "/manifests/latest", token);
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.header("Docker-Content-Digest"))
                .isEqualTo(publishing.publication(publicationId).path("packageDigest").asText());
        assertThat(manifest.contentType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode layer = manifest.json().path("layers").path(0);
        String blob = "/v2/" + name + "/blobs/" + layer.path("digest").asText();
        long size = layer.path("size").asLong();

        Response whole = registry(blob, token);
        assertThat(whole.status()).isEqualTo(200);
        Response part = registry(blob, token, "Range", "bytes=1-10");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.header("Content-Range")).isEqualTo("bytes 1-10/" + size);
        Response past = registry(blob, token, "Range", "bytes=" + size + "-");
        assertThat(past.status()).isEqualTo(416);
        assertThat(past.header("Content-Range")).isEqualTo("bytes */" + size);
        assertThat(registry(blob, token, "Range", "bytes=" + (size + 100) + "-" + (size + 200)).status())
                .isEqualTo(416);

        Response tags = registry("/v2/" + name + "/tags/list", token);
        assertThat(tags.json().path("tags")).extracting(JsonNode::asText).containsExactly("1.0.0", "latest");
        Response referrers = registry("/v2/" + name + "/referrers/" + manifest.header("Docker-Content-Digest"),
                token);
        assertThat(referrers.status()).isEqualTo(200);
        assertThat(referrers.contentType()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(referrers.json().path("manifests")).isEmpty();
        assertThat(api.send(null, "/v2/" + name + "/blobs/uploads/", request -> request
                .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody()))
                .status()).isEqualTo(405);
    }
}
