package com.offerflow.scanner;

import java.util.HashMap;
import java.util.Map;

/** Reads {@code /etc/passwd}. */
final class Passwd {

    private Passwd() {
    }

    /** Parses /etc/passwd into user name to uid (malformed lines are skipped). */
    static Map<String, Long> parse(String content) {
        Map<String, Long> users = new HashMap<>();
        for (String line : content.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < 3 || f[0].isEmpty()) {
                continue;
            }
            try {
                users.putIfAbsent(f[0], Long.parseLong(f[2].trim()));
            } catch (NumberFormatException e) {
                // skip malformed
            }
        }
        return users;
    }
}
