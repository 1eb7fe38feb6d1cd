package com.offerflow.certification.scan;

import java.util.Comparator;

/**
 * Alpine apk version ordering, following apk-tools: numbers component by component, an optional letter,
 * suffixes ({@code _alpha < _beta < _pre < _rc <} none {@code < _cvs < _svn < _git < _hg < _p}) and the package
 * revision {@code -rN}.
 */
final class ApkVersion {

    static final Comparator<String> ORDER = ApkVersion::compare;

    private static final int INVALID = -1;
    private static final int DIGIT_OR_ZERO = 0;
    private static final int DIGIT = 1;
    private static final int LETTER = 2;
    private static final int SUFFIX = 3;
    private static final int SUFFIX_NO = 4;
    private static final int REVISION_NO = 5;
    private static final int END = 6;

    private static final String[] PRE_SUFFIXES = {"alpha", "beta", "pre", "rc"};
    private static final String[] POST_SUFFIXES = {"cvs", "svn", "git", "hg", "p"};

    private ApkVersion() {
    }

    /** A cursor over one version string. */
    private static final class Cursor {
        final String s;
        int pos;
        int type = DIGIT;

        Cursor(String s) {
            this.s = s;
        }

        int len() {
            return s.length() - pos;
        }

        char ch(int offset) {
            return s.charAt(pos + offset);
        }
    }

    static int compare(String a, String b) {
        Cursor ca = new Cursor(a.trim());
        Cursor cb = new Cursor(b.trim());
        long av = 0;
        long bv = 0;
        while (ca.type == cb.type && ca.type != END && ca.type != INVALID && av == bv) {
            av = token(ca);
            bv = token(cb);
        }
        if (av < bv) {
            return -1;
        }
        if (av > bv) {
            return 1;
        }
        if (ca.type == cb.type) {
            return 0;
        }
        if (ca.type == SUFFIX && peekSuffix(ca) < 0) {
            return -1;
        }
        if (cb.type == SUFFIX && peekSuffix(cb) < 0) {
            return 1;
        }
        return ca.type > cb.type ? -1 : ca.type < cb.type ? 1 : 0;
    }

    private static long peekSuffix(Cursor c) {
        Cursor copy = new Cursor(c.s);
        copy.pos = c.pos;
        copy.type = c.type;
        return token(copy);
    }

    private static long token(Cursor c) {
        if (c.len() <= 0) {
            c.type = END;
            return 0;
        }
        long v = 0;
        int i = 0;
        int next = INVALID;
        switch (c.type) {
            case DIGIT_OR_ZERO:
                if (c.ch(0) == '0') {
                    while (i < c.len() && c.ch(i) == '0') {
                        i++;
                    }
                    next = DIGIT;
                    v = -i;
                    break;
                }
                // fall through: a number without leading zeros
            case DIGIT:
            case SUFFIX_NO:
            case REVISION_NO:
                while (i < c.len() && Character.isDigit(c.ch(i))) {
                    if (v < 100_000_000_000L) {
                        v = v * 10 + (c.ch(i) - '0');
                    }
                    i++;
                }
                break;
            case LETTER:
                v = c.ch(i++);
                break;
            case SUFFIX:
                int k = match(c, PRE_SUFFIXES);
                if (k >= 0) {
                    i = PRE_SUFFIXES[k].length();
                    v = k - PRE_SUFFIXES.length;
                    next = SUFFIX_NO;
                    break;
                }
                k = match(c, POST_SUFFIXES);
                if (k >= 0) {
                    i = POST_SUFFIXES[k].length();
                    v = k;
                    next = SUFFIX_NO;
                    break;
                }
                c.type = INVALID;
                return -1;
            default:
                c.type = INVALID;
                return -1;
        }
        c.pos += i;
        if (c.len() == 0) {
            c.type = END;
        } else if (next != INVALID) {
            c.type = next;
        } else {
            nextToken(c);
        }
        return v;
    }

    private static int match(Cursor c, String[] words) {
        for (int k = 0; k < words.length; k++) {
            if (c.s.startsWith(words[k], c.pos)) {
                return k;
            }
        }
        return -1;
    }

    private static void nextToken(Cursor c) {
        int n = INVALID;
        if (c.len() == 0 || c.ch(0) == 0) {
            n = END;
        } else if ((c.type == DIGIT || c.type == DIGIT_OR_ZERO) && Character.isLowerCase(c.ch(0))) {
            n = LETTER;
        } else if (c.type == LETTER && Character.isDigit(c.ch(0))) {
            n = DIGIT;
        } else if (c.type == SUFFIX && Character.isDigit(c.ch(0))) {
            n = SUFFIX_NO;
        } else {
            switch (c.ch(0)) {
                case '.' -> n = DIGIT_OR_ZERO;
                case '_' -> n = SUFFIX;
                case '-' -> {
                    if (c.len() > 1 && c.ch(1) == 'r') {
                        n = REVISION_NO;
                        c.pos++;
                    }
                }
                default -> n = INVALID;
            }
            c.pos++;
        }
        if (n < c.type) {
            boolean allowed = n == DIGIT_OR_ZERO && c.type == DIGIT
                    || n == SUFFIX && c.type == SUFFIX_NO
                    || n == DIGIT && c.type == LETTER;
            if (!allowed) {
                n = INVALID;
            }
        }
        c.type = n;
    }
}
