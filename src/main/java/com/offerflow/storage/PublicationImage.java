package com.offerflow.storage;

import com.offerflow.image.Digest;
import com.offerflow.image.registry.RegistryReference;

import java.util.Objects;

/**
 * The image a publication certifies and packages, named as the scan task's {@code imageSource} names it: an uploaded
 * oci-archive by its digest ({@code sha256:<hex>}), or an image in a registry pinned to its manifest digest
 * ({@code https://registry.example/contoso/web@sha256:<hex>}). Pinned, because tags move: what step 2 scans is what
 * step 3 packages.
 */
public record PublicationImage(Digest archive, RegistryReference pinned) {

    public PublicationImage {
        if ((archive == null) == (pinned == null)) {
            throw new IllegalArgumentException("an image is either an uploaded archive or a pinned registry image");
        }
        if (pinned != null && (pinned.digest() == null || pinned.tag() != null)) {
            throw new IllegalArgumentException("a registry image is pinned by digest, without a tag: " + pinned);
        }
    }

    public static PublicationImage upload(Digest archive) {
        return new PublicationImage(Objects.requireNonNull(archive), null);
    }

    public static PublicationImage registry(RegistryReference pinned) {
        return new PublicationImage(null, Objects.requireNonNull(pinned));
    }

    /**
     * Parses what {@link #toString()} writes.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static PublicationImage parse(String imageSource) {
        if (imageSource == null || imageSource.isBlank()) {
            throw new IllegalArgumentException("no image source");
        }
        return imageSource.startsWith("sha256:") ? upload(Digest.parse(imageSource))
                : registry(RegistryReference.parse(imageSource));
    }

    public boolean fromRegistry() {
        return pinned != null;
    }

    @Override
    public String toString() {
        return pinned != null ? pinned.toString() : archive.toString();
    }
}
