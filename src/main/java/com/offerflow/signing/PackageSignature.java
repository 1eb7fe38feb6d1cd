package com.offerflow.signing;

import com.offerflow.image.Digest;
import com.offerflow.signing.simple.DockerReference;

import java.time.Instant;

/**
 * A stored simple signature: the manifest it vouches for, under which reference, by which key.
 *
 * @param lookasidePath where a client finds it under the lookaside base, without the {@code /signature-<n>} that
 *                      numbers the signatures of one manifest: {@code <repository path>@sha256=<hex>}
 */
public record PackageSignature(DockerReference reference, Digest manifestDigest, String keyFingerprint,
                               Instant signedAt, String lookasidePath) {
}
