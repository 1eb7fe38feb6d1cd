package com.offerflow.signing.simple;

import java.util.regex.Pattern;

/**
 * A docker reference as a simple signature names the image it vouches for: {@code host[:port]/path:tag}, fully
 * explicit, in the grammar of {@code github.com/distribution/reference}. The registry host is required (a reference
 * without one would mean Docker Hub to a client), and so is the tag: a client that pulls {@code host/path:tag} with
 * the default identity rule {@code matchRepoDigestOrExact} accepts a signature only for exactly that reference, and
 * one that pulls {@code host/path@sha256:...} accepts any tag of the same repository.
 *
 * @param registry the registry host, with its port if any ({@code registry.example}, {@code 127.0.0.1:5000})
 * @param path     the repository path without the host ({@code contoso/contoso-web}): what the lookaside URL names
 * @param tag      the tag
 */
public record DockerReference(String registry, String path, String tag) {

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final Pattern REGISTRY = Pattern.compile(
            DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]{1,5})?");
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    /** A repository path as distribution's grammar allows it; shared with the lookaside's URL parsing. */
    static final Pattern PATH = Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    /** distribution's limit on the whole name, host included. */
    private static final int MAX_NAME_LENGTH = 255;

    public DockerReference {
        if (registry == null || !REGISTRY.matcher(registry).matches()
                || !(registry.contains(".") || registry.contains(":") || registry.equals("localhost"))) {
            throw new IllegalArgumentException("not an explicit registry host (it needs a '.', a port or to be"
                    + " localhost, or clients take it for a Docker Hub namespace): " + abbreviate(registry));
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a repository path of lowercase components: " + abbreviate(path));
        }
        if (registry.length() + 1 + path.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("the repository name is longer than " + MAX_NAME_LENGTH
                    + " characters");
        }
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("not a tag: " + abbreviate(tag));
        }
    }

    /** Parses {@code host[:port]/path:tag}; anything else is an {@link IllegalArgumentException}. */
    public static DockerReference parse(String reference) {
        if (reference == null || reference.length() > MAX_NAME_LENGTH + 129) {
            throw new IllegalArgumentException("not a docker reference: " + abbreviate(reference));
        }
        int slash = reference.indexOf('/');
        int colon = reference.lastIndexOf(':');
        if (slash < 0 || colon < slash) {
            throw new IllegalArgumentException("not host/path:tag: " + abbreviate(reference));
        }
        return new DockerReference(reference.substring(0, slash), reference.substring(slash + 1, colon),
                reference.substring(colon + 1));
    }

    /** {@code host/path}, the repository without the tag. */
    public String name() {
        return registry + "/" + path;
    }

    @Override
    public String toString() {
        return name() + ":" + tag;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
