package com.offerflow.scanner.facts;

import com.offerflow.image.Digest;

/**
 * What reading one layer blob found (each layer is read once, even when several manifests list it).
 *
 * @param id               the layer as the report names it
 * @param digest           the digest its descriptor states
 * @param size             the size its descriptor states
 * @param missing          the source's message when the blob is missing (nothing else was read); else null
 * @param bytesRead        the blob's bytes read (at most one more than {@code size})
 * @param readToEnd        whether the blob was read to its end (or one byte past its stated size)
 * @param longer           whether the blob has more bytes than its descriptor states
 * @param actualDigest     the sha256 of the bytes read
 * @param formatProblem    what is wrong with its compression or tar stream; null when nothing
 * @param limitProblem     which limit stopped reading it; null when none
 * @param diffId           the sha256 of its uncompressed content; null when it could not be read completely
 * @param uncompressedSize the uncompressed bytes read
 */
public record LayerFacts(LayerId id, Digest digest, long size, String missing, long bytesRead, boolean readToEnd,
                         boolean longer, Digest actualDigest, String formatProblem, String limitProblem,
                         Digest diffId, long uncompressedSize) {

    /** A layer whose blob the source does not have. */
    public static LayerFacts missing(LayerId id, Digest digest, long size, String message) {
        return new LayerFacts(id, digest, size, message, 0, false, false, null, null, null, null, 0);
    }
}
