package com.offerflow.signing.simple;

import com.offerflow.image.Digest;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a lookaside signature store keeps a signature, relative to its base URL (the {@code lookaside:} of
 * {@code registries.d}): {@code <repository path>@sha256=<hex>/signature-<n>}, n counting from 1, as
 * containers/image asks for them (it asks for n = 1, 2, ... until the first 404). The repository path is the
 * reference's without its host: {@code contoso/contoso-web} for {@code registry.example/contoso/contoso-web:1.0}.
 *
 * @param index the signature's number, from 1
 */
public record LookasidePath(String repositoryPath, Digest manifestDigest, int index) {

    /** Longer paths are no signature's: a repository name is at most 255 characters, the rest is fixed. */
    public static final int MAX_LENGTH = 255 + "@sha256=".length() + 64 + "/signature-".length() + 4;
    /** The most signatures one manifest has in one repository path (far more than references and keys make). */
    public static final int MAX_INDEX = 9999;
    private static final Pattern SIGNATURE = Pattern.compile("/?(?<path>[^@]+)@sha256=(?<hex>[0-9a-f]{64})"
            + "/signature-(?<index>[1-9][0-9]{0,3})");

    public LookasidePath {
        if (repositoryPath == null || !DockerReference.PATH.matcher(repositoryPath).matches()) {
            throw new IllegalArgumentException("not a repository path");
        }
        if (index < 1 || index > MAX_INDEX) {
            throw new IllegalArgumentException("signatures are numbered from 1 to " + MAX_INDEX);
        }
    }

    /**
     * Parses a path under the lookaside base (with or without its leading slash); empty for anything that is not
     * exactly a signature's path: too long, another digest algorithm, upper-case hex, {@code ..} or empty path
     * components, a number out of range.
     */
    public static Optional<LookasidePath> parse(String path) {
        if (path == null || path.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SIGNATURE.matcher(path);
        if (!m.matches() || !DockerReference.PATH.matcher(m.group("path")).matches()) {
            return Optional.empty();
        }
        return Optional.of(new LookasidePath(m.group("path"), new Digest(m.group("hex")),
                Integer.parseInt(m.group("index"))));
    }

    /** The folder of a manifest's signatures: {@code <repository path>@sha256=<hex>}. */
    public static String folder(String repositoryPath, Digest manifestDigest) {
        return repositoryPath + "@" + manifestDigest.algorithm() + "=" + manifestDigest.hex();
    }

    @Override
    public String toString() {
        return folder(repositoryPath, manifestDigest) + "/signature-" + index;
    }
}
