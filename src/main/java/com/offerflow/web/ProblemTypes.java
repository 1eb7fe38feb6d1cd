package com.offerflow.web;

import java.net.URI;

/** The problem types of the API: {@code urn:offerflow:problem:<name>}, each described in README.md. */
public final class ProblemTypes {

    private static final String PREFIX = "urn:offerflow:problem:";

    private ProblemTypes() {
    }

    public static URI of(String name) {
        return URI.create(PREFIX + name);
    }
}
