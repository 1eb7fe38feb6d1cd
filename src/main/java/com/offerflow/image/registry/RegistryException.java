package com.offerflow.image.registry;

import java.io.IOException;

/** The registry answered with an unexpected status; the message says which request and what it answered. */
public class RegistryException extends IOException {

    private final int status;

    public RegistryException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, e.g. 401 when the credentials are wrong. */
    public int status() {
        return status;
    }
}
