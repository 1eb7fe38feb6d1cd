package com.offerflow.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageIndex;
import com.offerflow.image.ImageJson;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.ImageManifest;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small client of the OCI distribution API over {@link HttpClient}: manifests and blobs, anonymous access,
 * HTTP Basic and the bearer-token challenge flow ({@code WWW-Authenticate: Bearer realm=...,service=...,scope=...}),
 * bounded manifest reads and timeouts. Pushing copies an image blob by blob (HEAD first to skip what the registry
 * has; monolithic upload for small blobs, chunked PATCH uploads for large ones) and puts the manifest last, so a
 * retried push repeats no finished work.
 */
public final class RegistryClient {

    private static final Logger log = LoggerFactory.getLogger(RegistryClient.class);
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.OCI_MANIFEST,
            MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

    private final HttpClient http;
    private final Credentials credentials;
    private final Duration timeout;
    private final long chunkSize;
    private final Destinations destinations;
    private final RegistryPusher.TokenSource tokenSource;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** User name and password (or token) for Basic and for the token endpoint; null for anonymous access. */
    public record Credentials(String username, String password) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Where the client may go besides the registry it was asked about: a registry names other hosts in redirects
     * (blob storage) and in its token challenge (the token endpoint), and a hostile one could name internal ones.
     */
    public interface Destinations {
        /** Every destination allowed. */
        Destinations ANY = uri -> { };

        /** Throws when the client must not contact {@code uri}. */
        void check(URI uri) throws IOException;
    }

    /**
     * @param credentials  null for anonymous access
     * @param timeout      connect timeout and timeout of each request until the response headers arrive
     * @param chunkSize    blobs larger than this are uploaded in chunks of this size
     * @param destinations checks each redirect target and token endpoint before it is contacted
     */
    public RegistryClient(Credentials credentials, Duration timeout, long chunkSize, Destinations destinations) {
        this(credentials, timeout, chunkSize, destinations, null);
    }

    /**
     * A client whose bearer challenges are answered by {@code tokenSource} (tokens Offerflow mints itself for a
     * registry it is the token service of) instead of asking the challenge's realm.
     */
    public RegistryClient(Credentials credentials, Duration timeout, long chunkSize, Destinations destinations,
            RegistryPusher.TokenSource tokenSource) {
        this.tokenSource = tokenSource;
        this.credentials = credentials;
        this.timeout = timeout;
        this.chunkSize = chunkSize;
        this.destinations = destinations;
        // Redirects are followed by hand: registries send blob downloads to storage (S3, a CDN) with a signed URL,
        // where our Authorization header must not go.
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public RegistryClient(Credentials credentials, Duration timeout, long chunkSize) {
        this(credentials, timeout, chunkSize, Destinations.ANY);
    }

    public RegistryClient(Credentials credentials) {
        this(credentials, Duration.ofSeconds(30), 32L * 1024 * 1024);
    }

    /** A source reading the referenced image. */
    public RegistryImageSource open(RegistryReference reference, ImageLimits limits) {
        return new RegistryImageSource(this, reference, limits);
    }

    // ------------------------------------------------------------------ reading

    /** A manifest or index: its bytes (at most {@code maxBytes}), media type and digest (verified). */
    record Manifest(byte[] bytes, String mediaType, Digest digest) {
    }

    Manifest getManifest(RegistryReference ref, String reference, long maxBytes)
            throws IOException, InvalidImageException {
        HttpRequest.Builder request = HttpRequest.newBuilder(ref.manifestUri(reference)).GET()
                .header("Accept", ACCEPT);
        HttpResponse<InputStream> response = send(request, ref, "pull", HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 404) {
                throw new InvalidImageException("no-manifest", "the registry has no manifest " + ref.repository()
                        + ":" + reference);
            }
            expect(response, 200, "GET manifest " + reference);
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                throw new InvalidImageException("blob-too-large", "the manifest is " + declared
                        + " bytes, more than the limit of " + maxBytes);
            }
            byte[] bytes = readBounded(body, maxBytes);
            Digest digest = Digest.of(bytes);
            if (reference.startsWith("sha256:") && !digest.toString().equals(reference)) {
                throw new InvalidImageException("digest-mismatch", "the registry returned a manifest with digest "
                        + digest + " for " + reference);
            }
            String mediaType = response.headers().firstValue("Content-Type").map(t -> t.split(";")[0].trim())
                    .orElse(null);
            if (mediaType == null || !(MediaTypes.isIndex(mediaType) || MediaTypes.isManifest(mediaType))) {
                mediaType = sniffMediaType(bytes, mediaType);
            }
            return new Manifest(bytes, mediaType, digest);
        }
    }

    private static String sniffMediaType(byte[] bytes, String fallback) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node.hasNonNull("mediaType")) {
                return node.get("mediaType").asText();
            }
            return node.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        } catch (IOException | RuntimeException e) {
            return fallback;
        }
    }

    InputStream getBlob(RegistryReference ref, Descriptor d) throws IOException, InvalidImageException {
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(ref.blobUri(d.digest())).GET(), ref,
                "pull", HttpResponse.BodyHandlers.ofInputStream());
        for (int hops = 0; isRedirect(response.statusCode()) && hops < 5; hops++) {
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new RegistryException(502, "a redirect without Location for " + d.digest()));
            response.body().close();
            URI next = uri(response.uri(), location, "redirect for " + d.digest());
            destinations.check(next);
            // the signed storage URL carries its own authorization: send none of ours
            response = sendOnce(HttpRequest.newBuilder(next).GET(), null, HttpResponse.BodyHandlers.ofInputStream());
        }
        if (response.statusCode() == 404) {
            response.body().close();
            throw new InvalidImageException("missing-blob", "the registry has no blob " + d.digest());
        }
        if (response.statusCode() != 200) {
            response.body().close();
            expect(response, 200, "GET blob " + d.digest());
        }
        return response.body();
    }

    private static byte[] readBounded(InputStream in, long maxBytes) throws IOException, InvalidImageException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > maxBytes) {
                throw new InvalidImageException("blob-too-large", "the manifest is more than " + maxBytes
                        + " bytes long");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ pushing

    /**
     * Pushes an image (a manifest with its blobs, or an index with all its manifests) from any source to the
     * target, tagging it with the target's tag (or pushing it by digest when the target has none).
     */
    public void push(ImageSource from, Descriptor manifest, RegistryReference target)
            throws IOException, InvalidImageException {
        pushManifest(from, manifest, target, 0);
        String tag = target.tag() != null ? target.tag() : manifest.digest().toString();
        putManifest(target, tag, manifest.mediaType(), from.readBlob(manifest, from.limits().maxManifestBytes()));
        log.info("pushed {} to {}", manifest.digest(), target);
    }

    private void pushManifest(ImageSource from, Descriptor descriptor, RegistryReference target, int depth)
            throws IOException, InvalidImageException {
        byte[] bytes = from.readBlob(descriptor, from.limits().maxManifestBytes());
        ImageJson json = new ImageJson(from.limits());
        if (MediaTypes.isIndex(descriptor.mediaType())) {
            if (depth + 1 >= from.limits().maxIndexDepth()) {
                throw new InvalidImageException("index-too-deep", "image indexes nest too deeply");
            }
            ImageIndex index = json.index(bytes, "image index " + descriptor.digest().shortForm());
            for (Descriptor child : index.manifests()) {
                pushManifest(from, child, target, depth + 1);
                putManifest(target, child.digest().toString(), child.mediaType(),
                        from.readBlob(child, from.limits().maxManifestBytes()));
            }
            return;
        }
        ImageManifest manifest = json.manifest(bytes, "manifest " + descriptor.digest().shortForm());
        pushBlob(from, manifest.config(), target);
        for (Descriptor layer : manifest.layers()) {
            pushBlob(from, layer, target);
        }
    }

    /** Whether the registry has the blob (HEAD). */
    public boolean hasBlob(RegistryReference target, Digest digest) throws IOException {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(target.blobUri(digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), target, "pull,push",
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw unexpected(response, "HEAD blob " + digest);
    }

    private void pushBlob(ImageSource from, Descriptor blob, RegistryReference target)
            throws IOException, InvalidImageException {
        if (hasBlob(target, blob.digest())) {
            log.debug("{} already has {}", target, blob.digest());
            return;
        }
        HttpResponse<Void> started = send(HttpRequest.newBuilder(target.uploadsUri())
                .POST(HttpRequest.BodyPublishers.noBody()), target, "pull,push",
                HttpResponse.BodyHandlers.discarding());
        if (started.statusCode() != 202) {
            throw unexpected(started, "POST upload for " + blob.digest());
        }
        URI location = location(target, started);
        try (InputStream in = from.openBlob(blob)) {
            if (blob.size() > chunkSize) {
                long offset = 0;
                byte[] chunk = new byte[(int) chunkSize];
                while (offset < blob.size()) {
                    int n = in.readNBytes(chunk, 0, (int) Math.min(chunkSize, blob.size() - offset));
                    if (n <= 0) {
                        throw new IOException("the source blob " + blob.digest() + " ended early");
                    }
                    HttpResponse<Void> patched = send(HttpRequest.newBuilder(location)
                                    .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(chunk, 0, n))
                                    .header("Content-Type", "application/octet-stream")
                                    .header("Content-Range", offset + "-" + (offset + n - 1)),
                            target, "pull,push", HttpResponse.BodyHandlers.discarding());
                    if (patched.statusCode() != 202) {
                        throw unexpected(patched, "PATCH chunk of " + blob.digest());
                    }
                    location = location(target, patched);
                    offset += n;
                }
                finishUpload(target, blob, location, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = in.readNBytes((int) blob.size() + 1);
                if (bytes.length != blob.size()) {
                    throw new IOException("the source blob " + blob.digest() + " has " + bytes.length
                            + " bytes, not " + blob.size());
                }
                finishUpload(target, blob, location, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
        }
    }

    private void finishUpload(RegistryReference target, Descriptor blob, URI location,
                              HttpRequest.BodyPublisher body) throws IOException {
        String sep = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + sep + "digest=" + URLEncoder.encode(blob.digest().toString(),
                StandardCharsets.UTF_8));
        HttpResponse<Void> done = send(HttpRequest.newBuilder(put).PUT(body)
                        .header("Content-Type", "application/octet-stream"), target, "pull,push",
                HttpResponse.BodyHandlers.discarding());
        if (done.statusCode() != 201) {
            throw unexpected(done, "PUT blob " + blob.digest());
        }
    }

    private void putManifest(RegistryReference target, String reference, String mediaType, byte[] bytes)
            throws IOException {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(target.manifestUri(reference))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", mediaType),
                target, "pull,push", HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 201) {
            throw unexpected(response, "PUT manifest " + reference);
        }
    }

    private static URI location(RegistryReference target, HttpResponse<?> response) throws IOException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IOException("the registry gave no upload Location"));
        return target.base().resolve(location);
    }

    // ------------------------------------------------------------------ requests and authentication

    private <T> HttpResponse<T> send(HttpRequest.Builder request, RegistryReference ref, String actions,
                                     HttpResponse.BodyHandler<T> handler) throws IOException {
        String scope = "repository:" + ref.repository() + ":" + actions;
        String key = ref.base() + " " + scope;
        String auth = tokens.get(key);
        HttpResponse<T> response = sendOnce(request, auth, handler);
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        closeQuietly(response);
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            if (credentials == null) {
                throw new RegistryException(401, ref.base() + " requires credentials (HTTP Basic)");
            }
            auth = credentials.basic();
        } else if (challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            auth = "Bearer " + fetchToken(challenge, scope);
        } else {
            throw new RegistryException(401, ref.base() + " refused the request: " + challenge);
        }
        tokens.put(key, auth);
        response = sendOnce(request, auth, handler);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            closeQuietly(response);
            tokens.remove(key);
            throw new RegistryException(response.statusCode(), ref.base() + " refused the credentials for "
                    + scope);
        }
        return response;
    }

    private <T> HttpResponse<T> sendOnce(HttpRequest.Builder request, String auth,
                                         HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest.Builder copy = request.copy().timeout(timeout);
        if (auth != null) {
            copy.setHeader("Authorization", auth);
        }
        try {
            return http.send(copy.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to the registry");
        }
    }

    /** The bearer-token flow: GET realm?service=..&scope=.. (with Basic credentials when we have them). */
    private String fetchToken(String challenge, String scope) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        if (tokenSource != null) {
            return tokenSource.token(params.get("service"), java.util.List.of(scope));
        }
        String realm = params.get("realm");
        if (realm == null) {
            throw new RegistryException(401, "bearer challenge without realm: " + challenge);
        }
        StringBuilder uri = new StringBuilder(realm).append(realm.contains("?") ? "&" : "?");
        if (params.containsKey("service")) {
            uri.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        uri.append("scope=").append(URLEncoder.encode(params.getOrDefault("scope", scope), StandardCharsets.UTF_8));
        URI endpoint = uri(null, uri.toString(), "token endpoint");
        destinations.check(endpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).GET().timeout(timeout);
        if (credentials != null) {
            request.header("Authorization", credentials.basic());
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching a registry token");
        }
        byte[] bytes;
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new RegistryException(response.statusCode(), "the token endpoint " + realm + " answered "
                        + response.statusCode());
            }
            bytes = readBounded(in, MAX_TOKEN_RESPONSE_BYTES);
        } catch (InvalidImageException e) {
            throw new RegistryException(502, "the token endpoint " + realm + " answered more than "
                    + MAX_TOKEN_RESPONSE_BYTES + " bytes");
        }
        JsonNode body = JSON.readTree(bytes);
        String token = body.hasNonNull("token") ? body.get("token").asText()
                : body.hasNonNull("access_token") ? body.get("access_token").asText() : null;
        if (token == null || token.isBlank()) {
            throw new RegistryException(401, "the token endpoint " + realm + " returned no token");
        }
        return token;
    }

    /** A URI the registry named (relative to {@code base}, if any); a malformed one is the registry's error. */
    private static URI uri(URI base, String named, String what) throws RegistryException {
        try {
            return base == null ? URI.create(named) : base.resolve(named);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(502, "the registry named a malformed " + what + ": " + e.getMessage());
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void expect(HttpResponse<?> response, int status, String what) throws RegistryException {
        if (response.statusCode() != status) {
            throw unexpected(response, what);
        }
    }

    private static RegistryException unexpected(HttpResponse<?> response, String what) {
        return new RegistryException(response.statusCode(), what + " at " + response.uri() + " answered "
                + response.statusCode());
    }

    private static void closeQuietly(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }
}
