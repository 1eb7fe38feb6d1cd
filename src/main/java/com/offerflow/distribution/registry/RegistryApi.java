package com.offerflow.distribution.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.distribution.token.Access;
import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageIndex;
import com.offerflow.image.ImageJson;
import com.offerflow.image.ImageLimits;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.OciLayout;
import com.offerflow.image.registry.RepositoryName;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded registry: the pull side of the OCI Distribution Spec v1.1 on the app's own port, under {@code /v2/}.
 * {@code GET}/{@code HEAD} of {@code /v2/}, manifests by tag and by digest ({@code Content-Type} and
 * {@code Docker-Content-Digest}), blobs (with a single {@code Range}), {@code tags/list} (with {@code n} and
 * {@code last}) and the referrers API ({@code /v2/<name>/referrers/<digest>}, with {@code artifactType}). Pushing
 * is not offered (405 {@code UNSUPPORTED}): packages arrive through packaging and replication.
 *
 * <p>Every request needs a token of the token service granting pull on the name ({@link RegistryAuthorization});
 * {@link EmbeddedRepositories} then says where the name is stored, if it is served now. Paths are parsed from the
 * raw request URI: a name must be a valid repository name, a digest {@code sha256:<hex>}, so nothing a client sends
 * can name a file outside the stores.
 */
class RegistryApi extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(RegistryApi.class);
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
    private static final Pattern ROUTE = Pattern.compile(
            "(.+)/(manifests|blobs|referrers)/([^/]+)|(.+)/tags/list");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ImageLimits LIMITS = ImageLimits.defaults();
    private static final int MAX_TAGS_PAGE = 1000;
    private static final int MAX_REFERRERS_SCANNED = 1000;

    private final transient RegistryAuthorization authorization;
    private final transient EmbeddedRepositories repositories;

    RegistryApi(RegistryAuthorization authorization, EmbeddedRepositories repositories) {
        this.authorization = authorization;
        this.repositories = repositories;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean head = "HEAD".equals(request.getMethod());
        try {
            if (!head && !"GET".equals(request.getMethod())) {
                unsupported(response);
                return;
            }
            if (path.equals("/v2") || path.equals("/v2/")) {
                if (authorization.check(request, response, null, Access.PULL)) {
                    writeJson(response, 200, "application/json", "{}".getBytes(), head);
                }
                return;
            }
            if (!path.startsWith("/v2/") || path.indexOf('%') >= 0 || path.contains("//")) {
                RegistryErrors.write(response, 404, "NAME_UNKNOWN", "repository name not known to registry", null);
                return;
            }
            Matcher route = ROUTE.matcher(path.substring(4));
            if (!route.matches()) {
                RegistryErrors.write(response, 404, "NAME_UNKNOWN", "repository name not known to registry", null);
                return;
            }
            String name = route.group(1) != null ? route.group(1) : route.group(4);
            if (!RepositoryName.isValid(name)) {
                RegistryErrors.write(response, 400, "NAME_INVALID", "invalid repository name", null);
                return;
            }
            if (!authorization.check(request, response, name, Access.PULL)) {
                return;
            }
            Optional<Path> repository = repositories.find(name);
            if (repository.isEmpty()) {
                RegistryErrors.write(response, 404, "NAME_UNKNOWN", "repository name not known to registry", null);
                return;
            }
            OciLayout layout = OciLayout.open(repository.get(), LIMITS);
            String kind = route.group(2);
            String reference = route.group(3);
            if (kind == null) {
                tags(request, response, name, layout);
            } else if (kind.equals("manifests")) {
                manifest(response, layout, reference, head);
            } else if (kind.equals("blobs")) {
                blob(request, response, layout, reference, head);
            } else {
                referrers(request, response, layout, reference, head);
            }
        } catch (InvalidImageException e) {
            log.warn("The embedded registry cannot read {}: {}", path, e.getMessage());
            RegistryErrors.write(response, 500, "UNKNOWN", "the stored repository cannot be read", null);
        }
    }

    // ------------------------------------------------------------------ manifests

    private void manifest(HttpServletResponse response, OciLayout layout, String reference, boolean head)
            throws IOException, InvalidImageException {
        Optional<Digest> digest = parseDigest(reference);
        Descriptor descriptor;
        if (digest.isPresent()) {
            descriptor = manifestByDigest(layout, digest.get()).orElse(null);
        } else if (TAG.matcher(reference).matches()) {
            descriptor = layout.index().manifests().stream().filter(d -> reference.equals(d.refName()))
                    .findFirst().orElse(null);
        } else {
            RegistryErrors.write(response, 400, "MANIFEST_INVALID", "invalid tag or digest", null);
            return;
        }
        if (descriptor == null || !layout.hasBlob(descriptor.digest())) {
            RegistryErrors.write(response, 404, "MANIFEST_UNKNOWN", "manifest unknown", null);
            return;
        }
        byte[] bytes = layout.readBlob(descriptor.plain(), LIMITS.maxManifestBytes());
        String mediaType = descriptor.mediaType() != null ? descriptor.mediaType() : mediaTypeOf(bytes);
        response.setHeader("Docker-Content-Digest", descriptor.digest().toString());
        writeJson(response, 200, mediaType, bytes, head);
    }

    /**
     * A manifest of this repository by digest: listed in its index.json, or a manifest of an image index listed
     * there. Its media type comes from the listing, else from the manifest itself; a blob that is not a manifest
     * (a layer, a config) is no manifest.
     */
    private Optional<Descriptor> manifestByDigest(OciLayout layout, Digest digest)
            throws IOException, InvalidImageException {
        ImageIndex index = layout.index();
        for (Descriptor listed : index.manifests()) {
            if (listed.digest().equals(digest)) {
                return Optional.of(listed.withAnnotation(Descriptor.REF_NAME, null));
            }
        }
        for (Descriptor listed : index.manifests()) {
            if (MediaTypes.isIndex(listed.mediaType()) && layout.hasBlob(listed.digest())) {
                for (Descriptor child : layout.imageIndex(listed.plain()).manifests()) {
                    if (child.digest().equals(digest)) {
                        return Optional.of(child.plain());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String mediaTypeOf(byte[] manifest) {
        try {
            JsonNode node = JSON.readTree(manifest);
            return node.path("mediaType").asText(node.has("manifests") ? MediaTypes.OCI_INDEX
                    : MediaTypes.OCI_MANIFEST);
        } catch (IOException e) {
            return MediaTypes.OCI_MANIFEST;
        }
    }

    // ------------------------------------------------------------------ blobs

    private void blob(HttpServletRequest request, HttpServletResponse response, OciLayout layout, String reference,
            boolean head) throws IOException {
        Optional<Digest> digest = parseDigest(reference);
        if (digest.isEmpty()) {
            RegistryErrors.write(response, 400, "DIGEST_INVALID", "invalid digest", null);
            return;
        }
        Path file = layout.blobPath(digest.get());
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            RegistryErrors.write(response, 404, "BLOB_UNKNOWN", "blob unknown to registry", null);
            return;
        }
        try (channel) {
            long size = channel.size();
            response.setHeader("Docker-Content-Digest", digest.get().toString());
            response.setHeader("Accept-Ranges", "bytes");
            response.setContentType("application/octet-stream");
            long start = 0;
            long length = size;
            Range range = Range.parse(request.getHeader("Range"), size);
            if (range == Range.UNSATISFIABLE) {
                response.setStatus(416);
                response.setHeader("Content-Range", "bytes */" + size);
                response.setContentLength(0);
                return;
            }
            if (range != null) {
                start = range.start();
                length = range.end() - range.start() + 1;
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + range.start() + "-" + range.end() + "/" + size);
            } else {
                response.setStatus(200);
            }
            response.setContentLengthLong(length);
            if (head) {
                return;
            }
            OutputStream out = response.getOutputStream();
            channel.position(start);
            try (InputStream in = Channels.newInputStream(channel)) {
                byte[] buffer = new byte[256 * 1024];
                long remaining = length;
                while (remaining > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    remaining -= n;
                }
            }
        }
    }

    /** One byte range of a blob; null for none (or one the server ignores), {@link #UNSATISFIABLE} past its end. */
    record Range(long start, long end) {

        static final Range UNSATISFIABLE = new Range(-1, -1);
        private static final Pattern ONE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

        static Range parse(String header, long size) {
            if (header == null) {
                return null;
            }
            Matcher m = ONE.matcher(header.trim());
            if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
                return null; // several ranges or another unit: RFC 9110 lets the server send the whole blob
            }
            try {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    if (suffix == 0 || size == 0) {
                        return UNSATISFIABLE;
                    }
                    return new Range(Math.max(0, size - suffix), size - 1);
                }
                long start = Long.parseLong(m.group(1));
                long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                if (start >= size) {
                    return UNSATISFIABLE;
                }
                return end < start ? null : new Range(start, end);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    // ------------------------------------------------------------------ tags and referrers

    private void tags(HttpServletRequest request, HttpServletResponse response, String name, OciLayout layout)
            throws IOException, InvalidImageException {
        if (!"GET".equals(request.getMethod())) {
            unsupported(response);
            return;
        }
        TreeSet<String> tags = new TreeSet<>(layout.index().refNames());
        String last = request.getParameter("last");
        if (last != null) {
            tags = new TreeSet<>(tags.tailSet(last, false));
        }
        int n = MAX_TAGS_PAGE;
        String limit = request.getParameter("n");
        if (limit != null) {
            try {
                n = Math.max(0, Math.min(MAX_TAGS_PAGE, Integer.parseInt(limit)));
            } catch (NumberFormatException e) {
                RegistryErrors.write(response, 400, "PAGINATION_NUMBER_INVALID", "invalid number of results", null);
                return;
            }
        }
        List<String> page = tags.stream().limit(n).toList();
        if (tags.size() > page.size() && !page.isEmpty()) {
            response.setHeader("Link", "</v2/" + name + "/tags/list?n=" + n + "&last=" + page.get(page.size() - 1)
                    + ">; rel=\"next\"");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("tags", page);
        writeJson(response, 200, "application/json", JSON.writeValueAsBytes(body), false);
    }

    /**
     * The OCI 1.1 referrers API: an image index of the manifests stored here whose {@code subject} is the digest
     * (signatures, SBOMs, reports attached to a package), optionally only those of one {@code artifactType}.
     */
    private void referrers(HttpServletRequest request, HttpServletResponse response, OciLayout layout,
            String reference, boolean head) throws IOException, InvalidImageException {
        Optional<Digest> subject = parseDigest(reference);
        if (subject.isEmpty()) {
            RegistryErrors.write(response, 400, "DIGEST_INVALID", "invalid digest", null);
            return;
        }
        String artifactType = request.getParameter("artifactType");
        ImageJson json = new ImageJson(LIMITS);
        List<Map<String, Object>> found = new ArrayList<>();
        int scanned = 0;
        for (Descriptor listed : layout.index().manifests()) {
            if (scanned++ >= MAX_REFERRERS_SCANNED || !layout.hasBlob(listed.digest())
                    || MediaTypes.isIndex(listed.mediaType())) {
                continue;
            }
            JsonNode manifest = json.tree(layout.readBlob(listed.plain(), LIMITS.maxManifestBytes()),
                    LIMITS.maxManifestBytes(), "invalid-manifest", "manifest " + listed.digest().shortForm());
            if (!subject.get().toString().equals(manifest.path("subject").path("digest").asText(null))) {
                continue;
            }
            String type = manifest.path("artifactType").asText(manifest.path("config").path("mediaType")
                    .asText(null));
            if (artifactType != null && !artifactType.equals(type)) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("mediaType", manifest.path("mediaType").asText(MediaTypes.OCI_MANIFEST));
            entry.put("digest", listed.digest().toString());
            entry.put("size", listed.size());
            if (type != null) {
                entry.put("artifactType", type);
            }
            if (manifest.has("annotations")) {
                entry.put("annotations", JSON.convertValue(manifest.get("annotations"), Map.class));
            }
            found.add(entry);
        }
        if (artifactType != null) {
            response.setHeader("OCI-Filters-Applied", "artifactType");
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", MediaTypes.OCI_INDEX);
        index.put("manifests", found);
        writeJson(response, 200, MediaTypes.OCI_INDEX, JSON.writeValueAsBytes(index), head);
    }

    // ------------------------------------------------------------------ helpers

    private static Optional<Digest> parseDigest(String reference) {
        if (!reference.startsWith("sha256:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Digest.parse(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void unsupported(HttpServletResponse response) throws IOException {
        RegistryErrors.write(response, 405, "UNSUPPORTED", "the embedded registry serves pulls only", null);
    }

    private static void writeJson(HttpServletResponse response, int status, String contentType, byte[] body,
            boolean head) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        if (!head) {
            response.getOutputStream().write(body);
        }
    }

}
