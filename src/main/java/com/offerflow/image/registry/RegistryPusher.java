package com.offerflow.image.registry;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageIndex;
import com.offerflow.image.ImageJson;
import com.offerflow.image.ImageManifest;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pushes images and artifacts to an OCI distribution registry, idempotently and without holding a blob in memory:
 * <ol>
 *   <li>a manifest the registry has already (HEAD by digest) is not pushed again, nor its blobs;</li>
 *   <li>each blob: HEAD first; then a cross-repository mount from a repository of the same registry that may hold
 *       it; then a streamed upload (POST, then PUT of the whole blob with its digest, read from the file where the
 *       source is an OCI layout);</li>
 *   <li>the manifest by digest (an index after its manifests), then each tag, unless it names that digest already.</li>
 * </ol>
 * A retry or an unchanged republish therefore uploads no layer bytes. The registry's bearer challenges are answered
 * by a {@link TokenSource} (Offerflow mints its own tokens for the registries it is the token service of).
 */
public final class RegistryPusher {

    private static final Logger log = LoggerFactory.getLogger(RegistryPusher.class);
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** Answers a registry's bearer challenge: a token for {@code service} granting {@code scopes}. */
    public interface TokenSource {
        String token(String service, List<String> scopes) throws IOException;
    }

    /** A repository of a registry: {@code base} is {@code http(s)://host[:port]}. */
    public record Target(URI base, String repository) {

        public Target {
            if (!RepositoryName.isValid(repository)) {
                throw new IllegalArgumentException("not a valid repository name: " + repository);
            }
        }

        URI uri(String path) {
            return base.resolve("/v2/" + repository + path);
        }

        @Override
        public String toString() {
            return base.getRawAuthority() + "/" + repository;
        }
    }

    /** What a push did: blobs uploaded (and their bytes), mounted from another repository, already there. */
    public static final class Result {
        private final AtomicInteger uploaded = new AtomicInteger();
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicInteger mounted = new AtomicInteger();
        private final AtomicInteger present = new AtomicInteger();
        private final AtomicInteger manifestsPresent = new AtomicInteger();

        public int uploaded() {
            return uploaded.get();
        }

        public long bytesUploaded() {
            return bytes.get();
        }

        public int mounted() {
            return mounted.get();
        }

        public int present() {
            return present.get();
        }

        @Override
        public String toString() {
            return uploaded + " blobs uploaded (" + bytes + " bytes), " + mounted + " mounted, " + present
                    + " already there, " + manifestsPresent + " manifests already there (with their blobs)";
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final TokenSource tokens;
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();

    public RegistryPusher(Duration timeout, TokenSource tokens) {
        this.timeout = timeout;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    // ------------------------------------------------------------------ images

    /**
     * Pushes the image {@code top} (a manifest or an index) of {@code source} to {@code target} under each tag.
     *
     * @param mountFrom repositories of the same registry that may hold the blobs already
     */
    public Result push(ImageSource source, Descriptor top, Target target, List<String> tags, List<String> mountFrom)
            throws IOException, InvalidImageException {
        Result result = new Result();
        byte[] manifest = source.readBlob(top.plain(), source.limits().maxManifestBytes());
        pushTree(source, top, manifest, target, mountFrom, result, 0);
        for (String tag : tags) {
            if (!Optional.of(top.digest()).equals(manifestDigest(target, tag))) {
                putManifest(target, tag, top.mediaType(), manifest);
            }
        }
        log.info("Pushed {} to {} as {}: {}", top.digest().shortForm(), target, tags, result);
        return result;
    }

    private void pushTree(ImageSource source, Descriptor descriptor, byte[] bytes, Target target,
            List<String> mountFrom, Result result, int depth) throws IOException, InvalidImageException {
        if (manifestDigest(target, descriptor.digest().toString()).isPresent()) {
            result.manifestsPresent.incrementAndGet();
            return; // a stored manifest implies its blobs: the registry checked them when it was put
        }
        ImageJson json = new ImageJson(source.limits());
        if (MediaTypes.isIndex(descriptor.mediaType())) {
            if (depth + 1 >= source.limits().maxIndexDepth()) {
                throw new InvalidImageException("index-too-deep", "image indexes nest too deeply");
            }
            ImageIndex index = json.index(bytes, "image index " + descriptor.digest().shortForm());
            for (Descriptor child : index.manifests()) {
                pushTree(source, child, source.readBlob(child.plain(), source.limits().maxManifestBytes()), target,
                        mountFrom, result, depth + 1);
            }
        } else {
            ImageManifest manifest = json.manifest(bytes, "manifest " + descriptor.digest().shortForm());
            pushBlob(source, manifest.config(), target, mountFrom, result);
            for (Descriptor layer : manifest.layers()) {
                pushBlob(source, layer, target, mountFrom, result);
            }
        }
        putManifest(target, descriptor.digest().toString(), descriptor.mediaType(), bytes);
    }

    // ------------------------------------------------------------------ blobs and manifests

    /** Pushes one blob unless the registry has it (or can mount it); the building block for artifacts too. */
    public void pushBlob(ImageSource source, Descriptor blob, Target target, List<String> mountFrom, Result result)
            throws IOException, InvalidImageException {
        if (hasBlob(target, blob.digest())) {
            result.present.incrementAndGet();
            return;
        }
        URI location = null;
        for (String from : mountFrom) {
            if (from.equals(target.repository()) || !RepositoryName.isValid(from)) {
                continue;
            }
            HttpResponse<Void> mount = send(HttpRequest.newBuilder(target.uri("/blobs/uploads/?mount="
                            + encode(blob.digest().toString()) + "&from=" + encode(from)))
                    .POST(HttpRequest.BodyPublishers.noBody()), target, List.of(from));
            if (mount.statusCode() == 201) {
                result.mounted.incrementAndGet();
                log.debug("Mounted {} into {} from {}", blob.digest().shortForm(), target, from);
                return;
            }
            if (mount.statusCode() != 202) {
                throw unexpected(mount, "POST mount of " + blob.digest().shortForm());
            }
            location = location(target, mount); // not mountable: the registry started an upload instead
            break;
        }
        if (location == null) {
            HttpResponse<Void> started = send(HttpRequest.newBuilder(target.uri("/blobs/uploads/"))
                    .POST(HttpRequest.BodyPublishers.noBody()), target, List.of());
            if (started.statusCode() != 202) {
                throw unexpected(started, "POST upload of " + blob.digest().shortForm());
            }
            location = location(target, started);
        }
        String separator = location.getRawQuery() == null ? "?" : "&";
        URI put = URI.create(location + separator + "digest=" + encode(blob.digest().toString()));
        HttpResponse<Void> done = send(HttpRequest.newBuilder(put).PUT(body(source, blob))
                .header("Content-Type", "application/octet-stream"), target, List.of());
        if (done.statusCode() != 201) {
            throw unexpected(done, "PUT blob " + blob.digest().shortForm());
        }
        result.uploaded.incrementAndGet();
        result.bytes.addAndGet(blob.size());
    }

    /** The blob streamed: the file itself where the source is an OCI layout, else the source's stream. */
    private static HttpRequest.BodyPublisher body(ImageSource source, Descriptor blob) throws IOException {
        if (source instanceof OciLayout layout) {
            Path file = layout.blobPath(blob.digest());
            if (Files.size(file) != blob.size()) {
                throw new IOException("the stored blob " + blob.digest() + " has " + Files.size(file)
                        + " bytes, not the " + blob.size() + " of its descriptor");
            }
            return HttpRequest.BodyPublishers.ofFile(file);
        }
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return source.openBlob(blob);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidImageException e) {
                throw new UncheckedIOException(new IOException(e.getMessage(), e));
            }
        }), blob.size());
    }

    public boolean hasBlob(Target target, Digest digest) throws IOException {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(target.uri("/blobs/" + digest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()), target, List.of());
        return switch (response.statusCode()) {
            case 200 -> true;
            case 404 -> false;
            default -> throw unexpected(response, "HEAD blob " + digest.shortForm());
        };
    }

    /** The digest the registry serves under {@code reference} (a tag or digest), if it serves one (HEAD). */
    public Optional<Digest> manifestDigest(Target target, String reference) throws IOException {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(target.uri("/manifests/" + reference))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Accept", RegistryClient.ACCEPT), target, List.of());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw unexpected(response, "HEAD manifest " + reference);
        }
        String digest = response.headers().firstValue("Docker-Content-Digest").orElse(null);
        try {
            return digest == null ? Optional.empty() : Optional.of(Digest.parse(digest));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(502, "the registry named a malformed digest for " + reference);
        }
    }

    /** Puts a manifest (image, index or artifact, e.g. one with a {@code subject}) under a tag or its digest. */
    public void putManifest(Target target, String reference, String mediaType, byte[] bytes) throws IOException {
        HttpResponse<Void> response = send(HttpRequest.newBuilder(target.uri("/manifests/" + reference))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).header("Content-Type", mediaType), target,
                List.of());
        if (response.statusCode() != 201) {
            throw unexpected(response, "PUT manifest " + reference);
        }
    }

    // ------------------------------------------------------------------ requests and tokens

    private HttpResponse<Void> send(HttpRequest.Builder request, Target target, List<String> alsoPull)
            throws IOException {
        List<String> scopes = new ArrayList<>();
        scopes.add("repository:" + target.repository() + ":pull,push");
        alsoPull.forEach(from -> scopes.add("repository:" + from + ":pull"));
        String key = target.base() + " " + scopes;
        HttpResponse<Void> response = sendOnce(request, authorizations.get(key));
        if (response.statusCode() != 401) {
            return response;
        }
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new RegistryException(401, target.base() + " asks for credentials Offerflow does not have: "
                    + challenge);
        }
        Matcher m = PARAM.matcher(challenge);
        String service = null;
        while (m.find()) {
            if ("service".equalsIgnoreCase(m.group(1))) {
                service = m.group(2);
            }
        }
        if (service == null) {
            throw new RegistryException(401, target.base() + " names no token service in its challenge");
        }
        String authorization = "Bearer " + tokens.token(service, scopes);
        authorizations.put(key, authorization);
        response = sendOnce(request, authorization);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            authorizations.remove(key);
            throw new RegistryException(response.statusCode(), target.base() + " refused Offerflow's token for "
                    + scopes + " (service " + service + "): check that its auth.token issuer, service and"
                    + " rootcertbundle are Offerflow's");
        }
        return response;
    }

    private HttpResponse<Void> sendOnce(HttpRequest.Builder request, String authorization) throws IOException {
        HttpRequest.Builder copy = request.copy().timeout(timeout);
        if (authorization != null) {
            copy.setHeader("Authorization", authorization);
        }
        try {
            return http.send(copy.build(), HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while talking to the registry");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static URI location(Target target, HttpResponse<?> response) throws IOException {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new RegistryException(502, "the registry gave no upload location"));
        try {
            URI uri = target.base().resolve(location);
            if (!uri.getRawAuthority().equals(target.base().getRawAuthority())) {
                throw new RegistryException(502, "the registry sent the upload to another host: " + uri.getHost());
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new RegistryException(502, "the registry gave a malformed upload location");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static RegistryException unexpected(HttpResponse<?> response, String what) {
        return new RegistryException(response.statusCode(), what + " at " + response.uri().getRawAuthority()
                + " answered " + response.statusCode());
    }

}
