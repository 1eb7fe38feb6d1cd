package com.offerflow.distribution.registry;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors as the OCI distribution spec writes them: {@code {"errors": [{"code", "message", "detail"}]}} with the
 * spec's codes ({@code UNAUTHORIZED}, {@code DENIED}, {@code NAME_UNKNOWN}, {@code MANIFEST_UNKNOWN},
 * {@code BLOB_UNKNOWN}, {@code NAME_INVALID}, {@code UNSUPPORTED}, ...). Messages are fixed texts: nothing a client
 * sent is echoed.
 */
public final class RegistryErrors {

    private RegistryErrors() {
    }

    /** Writes the error; {@code challenge} (if any) becomes the {@code WWW-Authenticate} header. */
    public static void write(HttpServletResponse response, int status, String code, String message,
            String challenge) throws IOException {
        byte[] body = ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("Docker-Distribution-API-Version", "registry/2.0");
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
