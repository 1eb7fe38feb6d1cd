package com.offerflow.image;

import java.io.IOException;

/**
 * Bytes written to or copied into a store did not have the digest or size their descriptor promised. An
 * {@link IOException} because while copying it usually means a truncated or corrupted transfer, which a retry fixes.
 */
public class DigestMismatchException extends IOException {

    private final Descriptor expected;

    public DigestMismatchException(Descriptor expected, String message) {
        super(message);
        this.expected = expected;
    }

    public Descriptor expected() {
        return expected;
    }
}
