package com.offerflow.scanner.advisories;

/**
 * Alpine apk version ordering ({@code digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}}), as apk-tools
 * compares: token by token; numbers numerically (a number with a leading zero compares as text); suffixes
 * {@code _alpha < _beta < _pre < _rc <} none {@code < _cvs < _svn < _git < _hg < _p}; then the revision
 * {@code -rN}. When one version runs out first, it is the lower one, unless the other continues with a
 * pre-release suffix.
 */
final class ApkVersion {

    private static final int INITIAL_DIGIT = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int COMMIT_HASH = 5;
    private static final int REVISION_NO = 6;
    private static final int END = 7;
    private static final int INVALID = 8;

    /** Suffix ranks; "none" sits between the pre-release and the post-release suffixes. */
    private static final String[] SUFFIXES = {"", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p"};
    private static final int SUFFIX_NONE = 5;

    private ApkVersion() {
    }

    /** A tokenizer over one version string. */
    private static final class Tokens {
        private final String s;
        private int pos;
        int token;
        int suffix;
        long number;
        String text = "";

        Tokens(String s) {
            this.s = s;
            token = INITIAL_DIGIT;
            digits();
        }

        private void digits() {
            int start = pos;
            long n = 0;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                n = n > Long.MAX_VALUE / 10 - 10 ? Long.MAX_VALUE : n * 10 + (s.charAt(pos) - '0');
                pos++;
            }
            number = n;
            text = s.substring(start, pos);
            if (text.isEmpty()) {
                token = INVALID;
            }
        }

        void next() {
            if (pos >= s.length()) {
                token = END;
                return;
            }
            char c = s.charAt(pos);
            if (c >= 'a' && c <= 'z') {
                if (token > DIGIT) {
                    token = INVALID;
                    return;
                }
                text = String.valueOf(c);
                token = LETTER;
                pos++;
            } else if (c == '.' || Character.isDigit(c)) {
                if (c == '.') {
                    if (token > DIGIT) {
                        token = INVALID;
                        return;
                    }
                    pos++;
                }
                if (token == INITIAL_DIGIT || token == DIGIT) {
                    token = DIGIT;
                } else if (token == SUFFIX) {
                    token = SUFFIX_NO;
                } else {
                    token = INVALID;
                    return;
                }
                digits();
            } else if (c == '_') {
                if (token > SUFFIX_NO) {
                    token = INVALID;
                    return;
                }
                pos++;
                int start = pos;
                while (pos < s.length() && s.charAt(pos) >= 'a' && s.charAt(pos) <= 'z') {
                    pos++;
                }
                text = s.substring(start, pos);
                suffix = suffixRank(text);
                token = suffix == 0 ? INVALID : SUFFIX;
            } else if (c == '~') {
                if (token >= COMMIT_HASH) {
                    token = INVALID;
                    return;
                }
                pos++;
                int start = pos;
                while (pos < s.length() && Character.digit(s.charAt(pos), 16) >= 0) {
                    pos++;
                }
                text = s.substring(start, pos);
                token = text.isEmpty() ? INVALID : COMMIT_HASH;
            } else if (c == '-') {
                if (token >= REVISION_NO || !s.startsWith("-r", pos)) {
                    token = INVALID;
                    return;
                }
                pos += 2;
                token = REVISION_NO;
                digits();
            } else {
                token = INVALID;
            }
        }

        private static int suffixRank(String name) {
            if (name.isEmpty()) {
                return 0;
            }
            for (int i = 1; i < SUFFIXES.length; i++) {
                if (i != SUFFIX_NONE && SUFFIXES[i].equals(name)) {
                    return i;
                }
            }
            return 0;
        }
    }

    static int compare(String a, String b) {
        Tokens ta = new Tokens(a.trim());
        Tokens tb = new Tokens(b.trim());
        while (ta.token == tb.token && ta.token < END) {
            int r = compareToken(ta, tb);
            if (r != 0) {
                return r;
            }
            ta.next();
            tb.next();
        }
        if (ta.token == tb.token) {
            return 0;
        }
        if (ta.token == SUFFIX && ta.suffix < SUFFIX_NONE) {
            return -1;
        }
        if (tb.token == SUFFIX && tb.suffix < SUFFIX_NONE) {
            return 1;
        }
        return ta.token > tb.token ? -1 : 1;
    }

    private static int compareToken(Tokens a, Tokens b) {
        switch (a.token) {
            case DIGIT:
                if (a.text.startsWith("0") || b.text.startsWith("0")) {
                    return Integer.signum(a.text.compareTo(b.text));
                }
                return Long.compare(a.number, b.number);
            case INITIAL_DIGIT:
            case SUFFIX_NO:
            case REVISION_NO:
                return Long.compare(a.number, b.number);
            case LETTER:
                return Character.compare(a.text.charAt(0), b.text.charAt(0));
            case SUFFIX:
                return Integer.compare(a.suffix, b.suffix);
            default:
                return Integer.signum(a.text.compareTo(b.text));
        }
    }
}
