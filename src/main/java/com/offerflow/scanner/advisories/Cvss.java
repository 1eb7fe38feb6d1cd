package com.offerflow.scanner.advisories;

/**
 * CVSS base scores of the vector strings OSV advisories give ({@code severity[].score}): CVSS v3.0 and v3.1
 * ({@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}) and v2 ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}), computed by
 * the {@code cvss-calculator} library, or a plain number. CVSS v4 vectors are not scored (null): the library does
 * not compute them, and the advisory's qualitative severity stands in.
 */
final class Cvss {

    private Cvss() {
    }

    /** The base score, or null when the value is neither a complete v2/v3 vector nor a score from 0 to 10. */
    static Double score(String type, String vector) {
        if (vector == null || vector.isBlank()) {
            return null;
        }
        String v = vector.trim();
        if (v.startsWith("CVSS:4")) {
            return null;
        }
        try {
            us.springett.cvss.Cvss cvss = us.springett.cvss.Cvss.fromVector(v);
            if (cvss != null) {
                return cvss.calculateScore().getBaseScore();
            }
        } catch (RuntimeException e) {
            // not a vector, or an incomplete one: perhaps a plain score
        }
        try {
            double plain = Double.parseDouble(v);
            return plain >= 0 && plain <= 10 ? plain : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** CRITICAL (9.0+), HIGH (7.0+), MEDIUM (4.0+), LOW (0.1+), NONE. */
    static String rating(double score) {
        if (score >= 9.0) {
            return "CRITICAL";
        }
        if (score >= 7.0) {
            return "HIGH";
        }
        if (score >= 4.0) {
            return "MEDIUM";
        }
        return score > 0 ? "LOW" : "NONE";
    }
}
