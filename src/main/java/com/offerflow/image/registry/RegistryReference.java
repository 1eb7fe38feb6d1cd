package com.offerflow.image.registry;

import com.offerflow.image.Digest;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * An image in an OCI distribution registry: {@code http://host:port/<name>:<tag>} or
 * {@code https://host/<name>@sha256:<hex>} (the scheme is required: plain HTTP is only for registries on loopback
 * or inside a trusted network).
 */
public record RegistryReference(URI base, String repository, String tag, Digest digest) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    public RegistryReference {
        if (!NAME.matcher(repository).matches()) {
            throw new IllegalArgumentException("not a valid repository name: " + repository);
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("not a valid tag: " + tag);
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
    }

    /** Parses {@code http(s)://host[:port]/<name>[:<tag>][@sha256:<hex>]}. */
    public static RegistryReference parse(String value) {
        URI uri = URI.create(value);
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("expected http(s)://host[:port]/name[:tag|@digest]: " + value);
        }
        String path = uri.getRawPath().startsWith("/") ? uri.getRawPath().substring(1) : uri.getRawPath();
        Digest digest = null;
        int at = path.indexOf('@');
        if (at >= 0) {
            digest = Digest.parse(path.substring(at + 1));
            path = path.substring(0, at);
        }
        String tag = null;
        int colon = path.lastIndexOf(':');
        if (colon > path.lastIndexOf('/')) {
            tag = path.substring(colon + 1);
            path = path.substring(0, colon);
        }
        URI base = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        return new RegistryReference(base, path, tag, digest);
    }

    /** The tag, or the digest when the reference has no tag. */
    public String reference() {
        return digest != null ? digest.toString() : tag;
    }

    public RegistryReference withTag(String newTag) {
        return new RegistryReference(base, repository, newTag, null);
    }

    URI manifestUri(String ref) {
        return base.resolve("/v2/" + repository + "/manifests/" + ref);
    }

    URI blobUri(Digest d) {
        return base.resolve("/v2/" + repository + "/blobs/" + d);
    }

    URI uploadsUri() {
        return base.resolve("/v2/" + repository + "/blobs/uploads/");
    }

    @Override
    public String toString() {
        return base + "/" + repository + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
