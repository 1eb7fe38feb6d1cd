package com.offerflow.image;

/**
 * The image itself is wrong: not an OCI archive, a manifest that is too large or not valid JSON, a missing blob, a
 * digest that does not match. Retrying does not help; the publisher has to fix the image.
 *
 * <p>{@link #code()} is stable and machine-readable (for the REST API and tests); the message is plain words a
 * publisher can act on.
 */
public class InvalidImageException extends Exception {

    private final String code;

    public InvalidImageException(String code, String message) {
        super(message);
        this.code = code;
    }

    public InvalidImageException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable machine code, e.g. {@code not-a-tar}, {@code invalid-index}, {@code digest-mismatch}. */
    public String code() {
        return code;
    }
}
