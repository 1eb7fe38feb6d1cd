package com.offerflow.web;

import org.springframework.util.unit.DataSize;

import java.io.IOException;

/** A request body went past {@link ApiLimits#maxBodySize()} while it was read. */
class RequestBodyTooLargeException extends IOException {

    RequestBodyTooLargeException(DataSize max) {
        super(detail(max));
    }

    static String detail(DataSize max) {
        return "The request body is larger than the limit of " + (max.toKilobytes() >= 1024
                ? max.toMegabytes() + " MB" : max.toKilobytes() + " KB") + ".";
    }
}
