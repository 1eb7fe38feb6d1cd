package com.offerflow.security;

import java.util.List;

/**
 * One row of an access matrix: who sends which request, and the status it must get. Paths and bodies name the
 * {@link World}'s ids by placeholders. A 2xx row may list texts the answer must not contain (another organisation's
 * ids in a list); every 4xx row must also leave the state as it was.
 */
record Case(String who, String method, String path, String body, int expected, List<String> hidden) {

    /** {@code row("bob", "GET /api/offers/{aliceOffer}", 404)}. */
    static Case row(String who, String request, int expected) {
        return row(who, request, null, expected);
    }

    static Case row(String who, String request, String body, int expected) {
        String[] methodAndPath = request.split(" ", 2);
        return new Case(who, methodAndPath[0], methodAndPath[1], body, expected, List.of());
    }

    /** The answer (a list the caller may read) must not mention these. */
    Case hiding(String... texts) {
        return new Case(who, method, path, body, expected, List.of(texts));
    }

    boolean refused() {
        return expected >= 400;
    }

    @Override
    public String toString() {
        return String.format("%-9s %-6s %s%s -> %d", who, method, path, body == null ? "" : " " + abbreviate(body),
                expected);
    }

    private static String abbreviate(String body) {
        return body.length() <= 60 ? body : body.substring(0, 57) + "...";
    }
}
