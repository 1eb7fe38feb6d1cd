package com.offerflow.scanner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Vulnerability advisories in OSV JSON format (one advisory per {@code .json} file, found recursively in a
 * directory), indexed by ecosystem and package, matched against installed packages with the ecosystem's version
 * ordering (Debian: dpkg; Alpine: apk). Affected ranges of type ECOSYSTEM ({@code introduced}, {@code fixed},
 * {@code last_affected}, {@code limit}) and explicit {@code versions} lists are understood; withdrawn advisories
 * are ignored.
 */
final class OsvAdvisories {

    private static final Logger log = LoggerFactory.getLogger(OsvAdvisories.class);
    private static final long MAX_FILE = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                    .maxDocumentLength(MAX_FILE).build()).build()).build();

    record Advisory(String id, List<String> aliases, String summary, Double cvss, String severity) {
    }

    private record Event(String kind, String version) {
    }

    private record Affected(Advisory advisory, String release, List<List<Event>> ranges, Set<String> versions,
                            Double cvss, String severity) {
    }

    private final Map<String, List<Affected>> byPackage = new HashMap<>();
    private int advisoryCount;
    private int unreadable;

    private OsvAdvisories() {
    }

    static OsvAdvisories empty() {
        return new OsvAdvisories();
    }

    int advisoryCount() {
        return advisoryCount;
    }

    int unreadable() {
        return unreadable;
    }

    /** Loads every {@code *.json} below the directory; unreadable files are logged and counted, not fatal. */
    static OsvAdvisories load(Path dir) throws IOException {
        OsvAdvisories db = new OsvAdvisories();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 8)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).toList();
        }
        for (Path file : files) {
            try {
                if (Files.size(file) > MAX_FILE) {
                    throw new IOException("larger than " + MAX_FILE + " bytes");
                }
                db.add(JSON.readTree(file.toFile()));
            } catch (IOException | RuntimeException e) {
                db.unreadable++;
                log.warn("skipping advisory file {}: {}", file, e.getMessage());
            }
        }
        log.info("loaded {} OSV advisories from {} ({} unreadable files)", db.advisoryCount, dir, db.unreadable);
        return db;
    }

    void add(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("id").isTextual()) {
            throw new IllegalArgumentException("not an OSV advisory (no id)");
        }
        if (root.hasNonNull("withdrawn")) {
            return;
        }
        List<String> aliases = new ArrayList<>();
        root.path("aliases").forEach(a -> aliases.add(a.asText()));
        Double cvss = bestScore(root.path("severity"));
        String severity = qualitative(root.path("database_specific").path("severity").asText(null));
        Advisory advisory = new Advisory(root.get("id").asText(), aliases, root.path("summary").asText(null), cvss,
                severity);
        advisoryCount++;
        for (JsonNode affected : root.path("affected")) {
            JsonNode pkg = affected.path("package");
            String ecosystem = pkg.path("ecosystem").asText("");
            String name = pkg.path("name").asText("");
            if (ecosystem.isEmpty() || name.isEmpty()) {
                continue;
            }
            int colon = ecosystem.indexOf(':');
            String base = colon > 0 ? ecosystem.substring(0, colon) : ecosystem;
            String release = colon > 0 ? ecosystem.substring(colon + 1) : null;
            List<List<Event>> ranges = new ArrayList<>();
            for (JsonNode range : affected.path("ranges")) {
                if (!"ECOSYSTEM".equals(range.path("type").asText())) {
                    continue;
                }
                List<Event> events = new ArrayList<>();
                for (JsonNode e : range.path("events")) {
                    e.fields().forEachRemaining(f -> events.add(new Event(f.getKey(), f.getValue().asText())));
                }
                ranges.add(events);
            }
            Set<String> versions = new HashSet<>();
            affected.path("versions").forEach(v -> versions.add(v.asText()));
            Double affectedScore = bestScore(affected.path("severity"));
            String affectedSeverity = qualitative(firstText(affected.path("ecosystem_specific").path("severity"),
                    affected.path("ecosystem_specific").path("urgency"),
                    affected.path("database_specific").path("severity")));
            byPackage.computeIfAbsent(key(base, name), k -> new ArrayList<>())
                    .add(new Affected(advisory, release, ranges, versions, affectedScore, affectedSeverity));
        }
    }

    /** The vulnerabilities of one installed package; {@code release} narrows {@code Debian:12}-style ecosystems. */
    List<Vulnerability> match(PackageInfo p) {
        Comparator<String> order = switch (p.ecosystem()) {
            case "Debian" -> DebianVersion.ORDER;
            case "Alpine" -> ApkVersion.ORDER;
            default -> null;
        };
        if (order == null) {
            return List.of();
        }
        Map<String, Vulnerability> found = new java.util.LinkedHashMap<>();
        for (String name : p.source() != null && !p.source().equals(p.name())
                ? List.of(p.source(), p.name()) : List.of(p.name())) {
            String version = name.equals(p.source()) && p.sourceVersion() != null ? p.sourceVersion() : p.version();
            for (Affected a : byPackage.getOrDefault(key(p.ecosystem(), name), List.of())) {
                if (a.release != null && p.release() != null && !a.release.equals(p.release())) {
                    continue;
                }
                if (found.containsKey(a.advisory.id())) {
                    continue;
                }
                String fixed = affectedFix(a, version, order);
                if (fixed == null) {
                    continue;
                }
                Double score = a.cvss != null ? a.cvss : a.advisory.cvss();
                String severity = score != null ? Cvss.rating(score)
                        : a.severity != null ? a.severity : a.advisory.severity() != null ? a.advisory.severity()
                        : "UNKNOWN";
                found.put(a.advisory.id(), new Vulnerability(a.advisory.id(), a.advisory.aliases(), p.name(),
                        p.version(), fixed.isEmpty() ? null : fixed, score, severity, a.advisory.summary()));
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Null when the version is not affected; otherwise the fixed version that applies ("" when none is known).
     * Implements the OSV evaluation: a version is affected by a range when some {@code introduced} event is at or
     * below it and no {@code fixed}/{@code limit} event after that introduction is at or below it (and it is not
     * above a {@code last_affected}).
     */
    private static String affectedFix(Affected a, String version, Comparator<String> order) {
        if (a.versions.contains(version)) {
            return nextFixed(a, version, order);
        }
        for (List<Event> events : a.ranges) {
            List<Event> sorted = new ArrayList<>(events);
            sorted.sort((x, y) -> compareEventVersions(x.version, y.version, order));
            boolean affected = false;
            String fix = "";
            for (Event e : sorted) {
                int cmp = compareEventVersions(version, e.version, order);
                switch (e.kind) {
                    case "introduced" -> {
                        if (cmp >= 0) {
                            affected = true;
                            fix = "";
                        }
                    }
                    case "fixed", "limit" -> {
                        if (cmp >= 0) {
                            affected = false;
                        } else if (affected && fix.isEmpty() && e.kind.equals("fixed")) {
                            fix = e.version;
                        }
                    }
                    case "last_affected" -> {
                        if (cmp > 0) {
                            affected = false;
                        }
                    }
                    default -> {
                    }
                }
            }
            if (affected) {
                return fix;
            }
        }
        return null;
    }

    private static String nextFixed(Affected a, String version, Comparator<String> order) {
        String best = "";
        for (List<Event> events : a.ranges) {
            for (Event e : events) {
                if (e.kind.equals("fixed") && compareEventVersions(e.version, version, order) > 0
                        && (best.isEmpty() || compareEventVersions(e.version, best, order) < 0)) {
                    best = e.version;
                }
            }
        }
        return best;
    }

    /** "0" in an introduced event means "from the beginning": lower than every version. */
    private static int compareEventVersions(String a, String b, Comparator<String> order) {
        boolean az = "0".equals(a);
        boolean bz = "0".equals(b);
        if (az || bz) {
            return az && bz ? 0 : az ? -1 : 1;
        }
        return order.compare(a, b);
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

    private static String key(String ecosystem, String name) {
        return ecosystem + "\u0000" + name;
    }
}
