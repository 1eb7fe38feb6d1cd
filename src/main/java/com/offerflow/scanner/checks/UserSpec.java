package com.offerflow.scanner.checks;

import java.util.Map;

/**
 * The {@code config.User} of an image: {@code uid}, {@code uid:gid}, {@code name} or {@code name:group}. Only the
 * user part decides whether the container runs as root; the group may be 0 (OpenShift runs arbitrary uids in
 * group 0).
 */
record UserSpec(String raw, String user, String group) {

    /** Parses a User value; null or blank gives null (no user set: the container runs as root). */
    static UserSpec parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        int colon = v.indexOf(':');
        String user = colon >= 0 ? v.substring(0, colon) : v;
        String group = colon >= 0 ? v.substring(colon + 1) : null;
        return new UserSpec(value, user, group);
    }

    boolean numeric() {
        return !user.isEmpty() && user.chars().allMatch(Character::isDigit);
    }

    /** The uid when the user part is a number; null for a name or a number out of range. */
    Long uid() {
        if (!numeric() || user.length() > 10) {
            return null;
        }
        return Long.parseLong(user);
    }

    /** How the user resolves against the image's /etc/passwd (name to uid), when present. */
    Judgement judge(Map<String, Long> passwd) {
        if (user.isEmpty()) {
            return new Judgement(false, "User '" + raw + "' names no user: the container runs as root");
        }
        Long uid = uid();
        if (numeric()) {
            if (uid == null || uid > 0xFFFFFFFFL) {
                return new Judgement(false, "User '" + raw + "' is not a valid uid");
            }
            if (uid == 0) {
                return new Judgement(false, "User '" + raw + "' is uid 0 (root)");
            }
            return new Judgement(true, "runs as uid " + uid);
        }
        if (user.equals("root")) {
            return new Judgement(false, "User '" + raw + "' is root");
        }
        if (passwd == null) {
            return new Judgement(true, "runs as user '" + user + "' (the image has no /etc/passwd to resolve it; "
                    + "a numeric uid is safer)");
        }
        Long resolved = passwd.get(user);
        if (resolved == null) {
            return new Judgement(false, "user '" + user + "' is not in the image's /etc/passwd: "
                    + "the container would not start");
        }
        if (resolved == 0) {
            return new Judgement(false, "user '" + user + "' has uid 0 in /etc/passwd: it is root under another name");
        }
        return new Judgement(true, "runs as user '" + user + "' (uid " + resolved + ")");
    }

    record Judgement(boolean ok, String detail) {
    }
}
