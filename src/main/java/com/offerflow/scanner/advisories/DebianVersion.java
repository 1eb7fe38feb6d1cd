package com.offerflow.scanner.advisories;

/**
 * Debian version ordering as dpkg implements it ({@code [epoch:]upstream[-revision]}): epochs numerically, then
 * upstream and revision by dpkg's algorithm where letters sort before other characters and {@code ~} sorts before
 * everything, even the end of the string ({@code 1.0~rc1 < 1.0}).
 */
final class DebianVersion {

    private DebianVersion() {
    }

    static int compare(String a, String b) {
        return compare(Parts.parse(a), Parts.parse(b));
    }

    /** Compares versions parsed once, for comparing one version with many. */
    static int compare(Parts pa, Parts pb) {
        int c = Long.compare(pa.epoch, pb.epoch);
        if (c != 0) {
            return c;
        }
        c = verrevcmp(pa.upstream, pb.upstream);
        if (c != 0) {
            return c;
        }
        return verrevcmp(pa.revision, pb.revision);
    }

    /** A version split into its parts. */
    record Parts(long epoch, String upstream, String revision) {
        static Parts parse(String v) {
            String s = v.trim();
            long epoch = 0;
            int colon = s.indexOf(':');
            if (colon > 0) {
                try {
                    epoch = Long.parseLong(s.substring(0, colon));
                } catch (NumberFormatException e) {
                    epoch = 0;
                }
                s = s.substring(colon + 1);
            }
            int dash = s.lastIndexOf('-');
            String upstream = dash >= 0 ? s.substring(0, dash) : s;
            String revision = dash >= 0 ? s.substring(dash + 1) : "";
            return new Parts(epoch, upstream, revision);
        }
    }

    private static int order(char c) {
        if (Character.isDigit(c)) {
            return 0;
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }

    private static int verrevcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while (i < a.length() && !isDigit(a.charAt(i)) || j < b.length() && !isDigit(b.charAt(j))) {
                int ac = order(at(a, i));
                int bc = order(at(b, j));
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (at(a, i) == '0') {
                i++;
            }
            while (at(b, j) == '0') {
                j++;
            }
            while (isDigit(at(a, i)) && isDigit(at(b, j))) {
                if (firstDiff == 0) {
                    firstDiff = at(a, i) - at(b, j);
                }
                i++;
                j++;
            }
            if (isDigit(at(a, i))) {
                return 1;
            }
            if (isDigit(at(b, j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
