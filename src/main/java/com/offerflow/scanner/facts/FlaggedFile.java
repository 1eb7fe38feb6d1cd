package com.offerflow.scanner.facts;

/**
 * A file of a layer that holds malware or a secret.
 *
 * @param kind   what was found
 * @param layer  the layer that ships the file
 * @param path   the file
 * @param detail what was found, in words ({@code matches signature …}, {@code AWS access key ID (AKIA****)})
 * @param later  what a later layer did to the file; null when nothing
 */
public record FlaggedFile(Kind kind, LayerId layer, String path, String detail, Later later) {

    public enum Kind { MALWARE_SIGNATURE, CLAMD, SECRET }

    /**
     * A later layer deleted (a whiteout) or replaced the file, which the image still ships in its own layer.
     *
     * @param deleted       deleted, else replaced
     * @param byLayer       the later layer's number (1-based) in its manifest
     * @param shippedInLayer the number (1-based) of the layer that still ships the file, in the same manifest
     */
    public record Later(boolean deleted, int byLayer, int shippedInLayer) {
    }
}
