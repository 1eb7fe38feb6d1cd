package com.offerflow.scanner.advisories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The advisories of one package name of one ecosystem, ready to tell which affect a version. Most advisories affect
 * a package from the beginning until a fix; where the ecosystem's order is total (dpkg's), those are kept sorted by
 * their fix, so that a binary search finds the few whose fix is above the version, however many the package has.
 * The others (several ranges, explicit versions, {@code last_affected}, a later introduction, apk's order) are
 * evaluated one by one. Immutable.
 */
final class PackageAdvisories {

    /** One affected package of one advisory, at its position among the package's advisories. */
    record Entry(OsvAdvisory advisory, OsvAdvisory.Affected affected) {
    }

    /** An advisory that affects a version, with the fix (null when none is known), score and severity that apply. */
    record Hit(OsvAdvisory advisory, String fixed, Double score, String severity) {
    }

    private record Ranked(int position, Entry entry, VersionOrder.Version fix) {
    }

    private final VersionOrder order;
    /** Affected from the beginning until {@code fix}, sorted by the fix. */
    private final Ranked[] untilFix;
    /** The others, in their order. */
    private final Ranked[] others;

    /** @param entries the package's advisories, all of one ecosystem, in the order given */
    PackageAdvisories(List<Entry> entries) {
        this.order = entries.get(0).affected().order();
        List<Ranked> simple = new ArrayList<>();
        List<Ranked> rest = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            VersionOrder.Version fix = order.total() ? onlyFix(e.affected()) : null;
            (fix != null ? simple : rest).add(new Ranked(i, e, fix));
        }
        simple.sort((a, b) -> order.compare(a.fix(), b.fix()));
        this.untilFix = simple.toArray(Ranked[]::new);
        this.others = rest.toArray(Ranked[]::new);
    }

    /** F when the advisory affects every version below F and no other: one range {introduced 0, fixed F}. */
    private static VersionOrder.Version onlyFix(OsvAdvisory.Affected a) {
        if (!a.versions().isEmpty() || a.ranges().size() != 1 || a.ranges().get(0).size() != 2) {
            return null;
        }
        OsvAdvisory.Event first = a.ranges().get(0).get(0);
        OsvAdvisory.Event second = a.ranges().get(0).get(1);
        boolean simple = first.kind() == OsvAdvisory.EventKind.INTRODUCED && first.version().zero()
                && second.kind() == OsvAdvisory.EventKind.FIXED && !second.version().zero();
        return simple ? second.version() : null;
    }

    /**
     * The advisories that affect {@code version} of the package in {@code release} (null: any release), in the
     * order the advisories were given.
     */
    List<Hit> affecting(String release, String version) {
        VersionOrder.Version installed = order.version(version);
        List<Ranked> found = new ArrayList<>();
        for (int i = firstFixAbove(installed); i < untilFix.length; i++) {
            if (inRelease(untilFix[i], release)) {
                found.add(untilFix[i]);
            }
        }
        for (Ranked r : others) {
            if (inRelease(r, release) && affectedFix(r.entry().affected(), installed) != null) {
                found.add(r);
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Ranked::position));
        List<Hit> hits = new ArrayList<>(found.size());
        for (Ranked r : found) {
            OsvAdvisory.Affected a = r.entry().affected();
            String fixed = r.fix() != null ? r.fix().text() : affectedFix(a, installed);
            Double score = a.cvss() != null ? a.cvss() : r.entry().advisory().cvss();
            String severity = score != null ? Cvss.rating(score)
                    : a.severity() != null ? a.severity()
                    : r.entry().advisory().severity() != null ? r.entry().advisory().severity() : "UNKNOWN";
            hits.add(new Hit(r.entry().advisory(), fixed.isEmpty() ? null : fixed, score, severity));
        }
        return hits;
    }

    private static boolean inRelease(Ranked r, String release) {
        String own = r.entry().affected().release();
        return own == null || release == null || own.equals(release);
    }

    /** The index of the first advisory fixed above the version: it and those after it affect the version. */
    private int firstFixAbove(VersionOrder.Version installed) {
        int low = 0;
        int high = untilFix.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(untilFix[mid].fix(), installed) > 0) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /**
     * Null when the version is not affected; otherwise the fixed version that applies ("" when none is known).
     * Implements the OSV evaluation: a version is affected by a range when some {@code introduced} event is at or
     * below it and no {@code fixed}/{@code limit} event after that introduction is at or below it (and it is not
     * above a {@code last_affected}).
     */
    private String affectedFix(OsvAdvisory.Affected a, VersionOrder.Version version) {
        if (!a.versions().isEmpty() && a.versions().contains(version.text())) {
            return nextFixed(a, version);
        }
        for (List<OsvAdvisory.Event> events : a.ranges()) {
            boolean affected = false;
            String fix = "";
            for (OsvAdvisory.Event e : events) {
                int cmp = order.compare(version, e.version());
                switch (e.kind()) {
                    case INTRODUCED -> {
                        if (cmp >= 0) {
                            affected = true;
                            fix = "";
                        }
                    }
                    case FIXED, LIMIT -> {
                        if (cmp >= 0) {
                            affected = false;
                        } else if (affected && fix.isEmpty() && e.kind() == OsvAdvisory.EventKind.FIXED) {
                            fix = e.version().text();
                        }
                    }
                    case LAST_AFFECTED -> {
                        if (cmp > 0) {
                            affected = false;
                        }
                    }
                }
            }
            if (affected) {
                return fix;
            }
        }
        return null;
    }

    private String nextFixed(OsvAdvisory.Affected a, VersionOrder.Version version) {
        VersionOrder.Version best = null;
        for (List<OsvAdvisory.Event> events : a.ranges()) {
            for (OsvAdvisory.Event e : events) {
                if (e.kind() == OsvAdvisory.EventKind.FIXED && order.compare(e.version(), version) > 0
                        && (best == null || order.compare(e.version(), best) < 0)) {
                    best = e.version();
                }
            }
        }
        return best == null ? "" : best.text();
    }
}
