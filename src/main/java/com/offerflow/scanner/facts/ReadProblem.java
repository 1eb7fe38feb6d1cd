package com.offerflow.scanner.facts;

/**
 * Why a part of the image could not be read: its index and manifests, or the config of one manifest.
 *
 * @param part    what could not be read
 * @param context where, in words ({@code config of manifest sha256:…}); null for the index and manifests
 * @param message the reader's message
 * @param code    the reader's stable code ({@code digest-mismatch}, {@code blob-too-large}, …)
 */
public record ReadProblem(Part part, String context, String message, String code) {

    public enum Part { MANIFESTS, CONFIG }

    /** The problem as the report shows it: context, message and code. */
    public String detail() {
        return (context == null ? "" : context + ": ") + message + " [" + code + "]";
    }
}
