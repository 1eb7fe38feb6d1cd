package com.offerflow.certification.scan;

import java.util.HashMap;
import java.util.Map;

/**
 * CVSS base scores computed from vector strings, as OSV advisories give them ({@code severity[].score}): CVSS v3.0
 * and v3.1 ({@code CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H}) and v2 ({@code AV:N/AC:L/Au:N/C:P/I:P/A:P}).
 * CVSS v4 vectors need the specification's large lookup tables and are not scored (null).
 */
final class Cvss {

    private Cvss() {
    }

    /** The base score, or null when the vector is not a complete v2/v3 vector. */
    static Double score(String type, String vector) {
        if (vector == null) {
            return null;
        }
        String v = vector.trim();
        try {
            if (v.startsWith("CVSS:3.")) {
                return v3(metrics(v.substring(v.indexOf('/') + 1)));
            }
            if (v.startsWith("CVSS:4")) {
                return null;
            }
            if ("CVSS_V2".equals(type) || v.startsWith("AV:") || v.startsWith("(AV:")) {
                return v2(metrics(v.replace("(", "").replace(")", "")));
            }
            double plain = Double.parseDouble(v);
            return plain >= 0 && plain <= 10 ? plain : null;
        } catch (RuntimeException e) {
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

    private static Map<String, String> metrics(String vector) {
        Map<String, String> m = new HashMap<>();
        for (String part : vector.split("/")) {
            int colon = part.indexOf(':');
            if (colon > 0) {
                m.put(part.substring(0, colon), part.substring(colon + 1));
            }
        }
        return m;
    }

    private static Double v3(Map<String, String> m) {
        boolean changed = "C".equals(m.get("S"));
        if (!"U".equals(m.get("S")) && !changed) {
            return null;
        }
        double av = pick(m.get("AV"), "N", 0.85, "A", 0.62, "L", 0.55, "P", 0.2);
        double ac = pick(m.get("AC"), "L", 0.77, "H", 0.44);
        double pr = pick(m.get("PR"), "N", 0.85, "L", changed ? 0.68 : 0.62, "H", changed ? 0.5 : 0.27);
        double ui = pick(m.get("UI"), "N", 0.85, "R", 0.62);
        double c = pick(m.get("C"), "H", 0.56, "L", 0.22, "N", 0);
        double i = pick(m.get("I"), "H", 0.56, "L", 0.22, "N", 0);
        double a = pick(m.get("A"), "H", 0.56, "L", 0.22, "N", 0);
        double iss = 1 - (1 - c) * (1 - i) * (1 - a);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av * ac * pr * ui;
        if (impact <= 0) {
            return 0.0;
        }
        double base = changed ? Math.min(1.08 * (impact + exploitability), 10) : Math.min(impact + exploitability, 10);
        return roundUp(base);
    }

    /** CVSS v3.1 Roundup: the smallest number with one decimal that is not less than the input. */
    private static double roundUp(double value) {
        long intInput = Math.round(value * 100000);
        if (intInput % 10000 == 0) {
            return intInput / 100000.0;
        }
        return (Math.floor(intInput / 10000.0) + 1) / 10.0;
    }

    private static Double v2(Map<String, String> m) {
        double av = pick(m.get("AV"), "L", 0.395, "A", 0.646, "N", 1.0);
        double ac = pick(m.get("AC"), "H", 0.35, "M", 0.61, "L", 0.71);
        double au = pick(m.get("Au"), "M", 0.45, "S", 0.56, "N", 0.704);
        double c = pick(m.get("C"), "N", 0, "P", 0.275, "C", 0.660);
        double i = pick(m.get("I"), "N", 0, "P", 0.275, "C", 0.660);
        double a = pick(m.get("A"), "N", 0, "P", 0.275, "C", 0.660);
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double exploitability = 20 * av * ac * au;
        double f = impact == 0 ? 0 : 1.176;
        double base = (0.6 * impact + 0.4 * exploitability - 1.5) * f;
        return Math.round(base * 10) / 10.0;
    }

    private static double pick(String value, Object... pairs) {
        for (int k = 0; k < pairs.length; k += 2) {
            if (pairs[k].equals(value)) {
                return ((Number) pairs[k + 1]).doubleValue();
            }
        }
        throw new IllegalArgumentException("unknown metric value " + value);
    }
}
