package com.offerflow.scanner.advisories;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.offerflow.scanner.advisories.PackageAdvisories.Hit;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * OSV vulnerability advisories, indexed by ecosystem and package name, matched against an inventory of OS packages
 * (the {@code packages} of a certification report) with the ecosystem's version order: dpkg's for {@code Debian},
 * apk's for {@code Alpine}. A package matches by its source package (dpkg {@code Source}, apk origin) and by its
 * own name; an advisory for {@code Debian:12} matches only packages of release 12, one for {@code Debian} every
 * release. Withdrawn advisories are left out.
 *
 * <p>Immutable: one index serves any number of threads at once. {@link AdvisoryDirectory} keeps one current for
 * a directory whose files change.
 */
public final class AdvisoryIndex {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryIndex.class);
    private static final long MAX_FILE = 4L * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                    .maxDocumentLength(MAX_FILE).build()).build()).build();

    private record PackageKey(String ecosystem, String name) {
    }

    /** A version of a package of a release: what the advisories are looked up for. */
    private record Lookup(String ecosystem, String release, String name, String version) {
    }

    /** An advisory found for a package. */
    private record Found(String id, String packageName) {
    }

    private final Map<PackageKey, PackageAdvisories> byPackage;
    private final int advisoryCount;
    private final int unreadable;

    private AdvisoryIndex(Map<PackageKey, PackageAdvisories> byPackage, int advisoryCount, int unreadable) {
        this.byPackage = byPackage;
        this.advisoryCount = advisoryCount;
        this.unreadable = unreadable;
    }

    /** Builds an index from advisories given one by one. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads every {@code *.json} below the directory (8 levels deep), one advisory per file. Unreadable files are
     * logged, counted and skipped.
     *
     * @throws IOException when the directory cannot be listed
     */
    public static AdvisoryIndex load(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 8)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).toList();
        }
        Builder builder = new Builder();
        for (Path file : files) {
            try {
                if (Files.size(file) > MAX_FILE) {
                    throw new IOException("larger than " + MAX_FILE + " bytes");
                }
                builder.add(JSON.readTree(file.toFile()));
            } catch (IOException | RuntimeException e) {
                builder.unreadable++;
                log.warn("skipping advisory file {}: {}", file, e.getMessage());
            }
        }
        AdvisoryIndex index = builder.build();
        log.info("loaded {} OSV advisories from {} ({} unreadable files)", index.advisoryCount, dir, index.unreadable);
        return index;
    }

    /** How many advisories the index holds (withdrawn ones not counted). */
    public int advisoryCount() {
        return advisoryCount;
    }

    /** How many files {@link #load} skipped because they could not be read. */
    public int unreadableFiles() {
        return unreadable;
    }

    /**
     * The vulnerabilities of an inventory: each advisory once per package, the most severe first (by CVSS score,
     * else by severity). Nothing is read but the index.
     */
    public List<Vulnerability> match(Collection<PackageInfo> inventory) {
        // the binary packages of one source share its lookup
        Map<Lookup, List<Hit>> lookups = new HashMap<>();
        Map<Found, Vulnerability> found = new LinkedHashMap<>();
        for (PackageInfo p : inventory) {
            for (Vulnerability v : match(p, lookups)) {
                found.putIfAbsent(new Found(v.id(), v.packageName()), v);
            }
        }
        List<Vulnerability> sorted = new ArrayList<>(found.values());
        sorted.sort(Comparator.comparingDouble(VulnerabilityPolicy::rank).reversed());
        return sorted;
    }

    /**
     * The vulnerabilities of one installed package, each advisory once: those of its source package first, then
     * those of its own name. The fixed version is the first fix after the installed version (null when none is
     * known); the score is the package's own, else the advisory's; the severity follows from the score, else from
     * the qualitative ratings, else {@code UNKNOWN}.
     */
    public List<Vulnerability> match(PackageInfo p) {
        return match(p, null);
    }

    private List<Vulnerability> match(PackageInfo p, Map<Lookup, List<Hit>> lookups) {
        if (VersionOrder.of(p.ecosystem()) == null || p.name() == null || p.version() == null) {
            return List.of();
        }
        boolean bySource = p.source() != null && !p.source().equals(p.name());
        List<Hit> ofSource = bySource ? hits(p, p.source(), lookups) : List.of();
        List<Hit> ofName = hits(p, p.name(), lookups);
        if (ofSource.isEmpty() && ofName.isEmpty()) {
            return List.of();
        }
        Map<String, Vulnerability> found = new LinkedHashMap<>();
        for (List<Hit> hits : List.of(ofSource, ofName)) {
            for (Hit h : hits) {
                found.putIfAbsent(h.advisory().id(), new Vulnerability(h.advisory().id(), h.advisory().aliases(),
                        p.name(), p.version(), h.fixed(), h.score(), h.severity(), h.advisory().summary()));
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The advisories that affect the package under one of its names (its source's version for the source). */
    private List<Hit> hits(PackageInfo p, String name, Map<Lookup, List<Hit>> lookups) {
        String version = name.equals(p.source()) && p.sourceVersion() != null ? p.sourceVersion() : p.version();
        Lookup lookup = new Lookup(p.ecosystem(), p.release(), name, version);
        return lookups == null ? hits(lookup) : lookups.computeIfAbsent(lookup, this::hits);
    }

    private List<Hit> hits(Lookup lookup) {
        PackageAdvisories advisories = byPackage.get(new PackageKey(lookup.ecosystem(), lookup.name()));
        return advisories == null ? List.of() : advisories.affecting(lookup.release(), lookup.version());
    }

    /** Collects advisories; not thread-safe. The index it builds does not change when the builder does. */
    public static final class Builder {
        private final Map<PackageKey, List<PackageAdvisories.Entry>> byPackage = new HashMap<>();
        private int advisoryCount;
        private int unreadable;

        private Builder() {
        }

        /**
         * Adds one advisory in OSV JSON; a withdrawn one is left out.
         *
         * @throws IllegalArgumentException when it is no OSV advisory
         */
        public Builder add(JsonNode advisory) {
            OsvAdvisory parsed = OsvAdvisory.parse(advisory);
            if (parsed != null) {
                advisoryCount++;
                for (OsvAdvisory.Affected a : parsed.affected()) {
                    byPackage.computeIfAbsent(new PackageKey(a.ecosystem(), a.name()), k -> new ArrayList<>())
                            .add(new PackageAdvisories.Entry(parsed, a));
                }
            }
            return this;
        }

        public AdvisoryIndex build() {
            Map<PackageKey, PackageAdvisories> copy = new HashMap<>();
            byPackage.forEach((k, v) -> copy.put(k, new PackageAdvisories(v)));
            return new AdvisoryIndex(Map.copyOf(copy), advisoryCount, unreadable);
        }
    }
}
