package com.offerflow.web;

import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with the HTTP status and the problem type a client can act upon. Rendered as RFC 9457
 * problem details by {@link ApiExceptionHandler}. The message is shown to the caller: plain words, no internals.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;

    public ApiException(HttpStatus status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type's short name, e.g. {@code offer-not-found}; see {@link ProblemTypes}. */
    public String type() {
        return type;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " '" + id + "' does not exist.");
    }

    public static ApiException conflict(String type, String message) {
        return new ApiException(HttpStatus.CONFLICT, type, message);
    }

    public static ApiException badRequest(String type, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, type, message);
    }
}
