package com.offerflow.scanner.advisories;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One OSV advisory (https://ossf.github.io/osv-schema/), as far as matching OS packages needs it: its id, aliases,
 * summary, scores, and what it affects. Ranges of type ECOSYSTEM ({@code introduced}, {@code fixed},
 * {@code last_affected}, {@code limit}) and explicit {@code versions} lists are understood.
 *
 * @param cvss     the best CVSS base score of {@code severity[]} (v3 before v2); null when none can be computed
 * @param severity the qualitative {@code database_specific.severity}; null when absent
 */
record OsvAdvisory(String id, List<String> aliases, String summary, Double cvss, String severity,
                   List<Affected> affected) {

    /**
     * The versions of one package that an advisory affects.
     *
     * @param ecosystem the ecosystem without release ({@code Debian}, {@code Alpine})
     * @param order     its version order
     * @param release   the release the ecosystem names ({@code 12} of {@code Debian:12}); null for all
     * @param ranges    each range's events, sorted in the ecosystem's version order
     * @param cvss      a score given for this package only; else null
     * @param severity  a qualitative severity for this package only; else null
     */
    record Affected(String ecosystem, VersionOrder order, String release, String name, List<List<Event>> ranges,
                    Set<String> versions, Double cvss, String severity) {
    }

    record Event(EventKind kind, VersionOrder.Version version) {
    }

    /** The kinds of range events OSV defines. */
    enum EventKind {
        INTRODUCED, FIXED, LAST_AFFECTED, LIMIT;

        static EventKind of(String name) {
            return switch (name) {
                case "introduced" -> INTRODUCED;
                case "fixed" -> FIXED;
                case "last_affected" -> LAST_AFFECTED;
                case "limit" -> LIMIT;
                default -> null;
            };
        }
    }

    /**
     * Reads an advisory; null when it is withdrawn. Only the packages of ecosystems with a {@link VersionOrder} are
     * kept: the scanner finds no others.
     *
     * @throws IllegalArgumentException when it is no OSV advisory
     */
    static OsvAdvisory parse(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("id").isTextual()) {
            throw new IllegalArgumentException("not an OSV advisory (no id)");
        }
        if (root.hasNonNull("withdrawn")) {
            return null;
        }
        List<String> aliases = new ArrayList<>();
        root.path("aliases").forEach(a -> aliases.add(a.asText()));
        List<Affected> affected = new ArrayList<>();
        for (JsonNode a : root.path("affected")) {
            JsonNode pkg = a.path("package");
            String ecosystem = pkg.path("ecosystem").asText("");
            String name = pkg.path("name").asText("");
            int colon = ecosystem.indexOf(':');
            String base = colon > 0 ? ecosystem.substring(0, colon) : ecosystem;
            VersionOrder order = VersionOrder.of(base);
            if (order == null || name.isEmpty()) {
                continue;
            }
            List<List<Event>> ranges = new ArrayList<>();
            for (JsonNode range : a.path("ranges")) {
                if (!"ECOSYSTEM".equals(range.path("type").asText())) {
                    continue;
                }
                List<Event> events = new ArrayList<>();
                for (JsonNode e : range.path("events")) {
                    e.fields().forEachRemaining(f -> {
                        EventKind kind = EventKind.of(f.getKey());
                        if (kind != null) {
                            events.add(new Event(kind, order.version(f.getValue().asText())));
                        }
                    });
                }
                events.sort((x, y) -> order.compare(x.version(), y.version()));
                ranges.add(List.copyOf(events));
            }
            Set<String> versions = new HashSet<>();
            a.path("versions").forEach(v -> versions.add(v.asText()));
            String severity = qualitative(firstText(a.path("ecosystem_specific").path("severity"),
                    a.path("ecosystem_specific").path("urgency"), a.path("database_specific").path("severity")));
            affected.add(new Affected(base, order, colon > 0 ? ecosystem.substring(colon + 1) : null, name,
                    List.copyOf(ranges), Set.copyOf(versions), bestScore(a.path("severity")), severity));
        }
        return new OsvAdvisory(root.get("id").asText(), List.copyOf(aliases), root.path("summary").asText(null),
                bestScore(root.path("severity")), qualitative(root.path("database_specific").path("severity")
                .asText(null)), List.copyOf(affected));
    }

    private static Double bestScore(JsonNode severities) {
        Double best = null;
        for (JsonNode s : severities) {
            Double score = Cvss.score(s.path("type").asText(), s.path("score").asText(null));
            if (score != null && (best == null || s.path("type").asText().startsWith("CVSS_V3"))) {
                best = score;
            }
        }
        return best;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
        }
        return null;
    }

    /** Maps qualitative ratings (GHSA "HIGH", Debian urgency "high", "moderate") to CRITICAL/HIGH/MEDIUM/LOW. */
    static String qualitative(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "critical" -> "CRITICAL";
            case "high", "important" -> "HIGH";
            case "medium", "moderate" -> "MEDIUM";
            case "low", "negligible", "unimportant" -> "LOW";
            default -> null;
        };
    }
}
