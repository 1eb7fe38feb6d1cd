package com.offerflow.scanner.advisories;

/**
 * The version order of an ecosystem, over versions parsed once (an index compares each installed version with many
 * advisories' versions). {@code 0}, which OSV's {@code introduced} events use for "from the beginning", is lower
 * than every version.
 */
enum VersionOrder {

    /** dpkg's order. */
    DEBIAN(true) {
        @Override
        Object parse(String text) {
            return DebianVersion.Parts.parse(text);
        }

        @Override
        int compareParsed(Object a, Object b) {
            return DebianVersion.compare((DebianVersion.Parts) a, (DebianVersion.Parts) b);
        }
    },

    /** apk's order (its versions are compared token by token as they are; its mix of numeric and textual
     * comparison of numbers with leading zeros is not known to be transitive). */
    ALPINE(false) {
        @Override
        Object parse(String text) {
            return text;
        }

        @Override
        int compareParsed(Object a, Object b) {
            return ApkVersion.compare((String) a, (String) b);
        }
    };

    private final boolean total;

    VersionOrder(boolean total) {
        this.total = total;
    }

    /** Whether the order is total (transitive), so that sorting by it and searching the sorted list is sound. */
    boolean total() {
        return total;
    }

    /** A version, parsed for its ecosystem's order. */
    record Version(String text, boolean zero, Object parsed) {
    }

    /** The order of an OSV ecosystem ({@code Debian}, {@code Alpine}); null for one the scanner does not know. */
    static VersionOrder of(String ecosystem) {
        if (ecosystem == null) {
            return null;
        }
        return switch (ecosystem) {
            case "Debian" -> DEBIAN;
            case "Alpine" -> ALPINE;
            default -> null;
        };
    }

    abstract Object parse(String text);

    abstract int compareParsed(Object a, Object b);

    Version version(String text) {
        return new Version(text, "0".equals(text), parse(text));
    }

    int compare(Version a, Version b) {
        if (a.zero() || b.zero()) {
            return a.zero() && b.zero() ? 0 : a.zero() ? -1 : 1;
        }
        return compareParsed(a.parsed(), b.parsed());
    }
}
