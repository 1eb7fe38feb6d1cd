package com.offerflow.scanner;

import com.offerflow.scanner.checks.Verdict;
import com.offerflow.scanner.facts.LayerId;
import com.offerflow.scanner.facts.PathIssue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state of one scan shared by its layers while they are read (one after another), and what their entries
 * showed so far. Lists are bounded: what is over the bound is counted.
 */
final class ScanContext {

    static final int MAX_TRACKED_SYMLINKS = 100_000;
    static final int MAX_FLAGGED = 1_000;
    /** As many path issues as a check's evidence lists. */
    static final int MAX_PATH_ISSUES = Verdict.MAX_EVIDENCE;
    /** Bounds on what the final-file-system checks keep in memory for the whole image. */
    /*
     * The packages also go into the report, which a separate scan worker sends through /engine-rest (bodies of at
     * most offerflow.security.max-request-size, 2 MB): 10,000 packages are about 1.5 MB of JSON, and far more than
     * a real image has (a full Debian desktop lists about 3,000).
     */
    static final int MAX_CAPTURED_PACKAGES = 10_000;
    static final int MAX_WHITEOUTS = 100_000;
    static final int MAX_LICENSE_FILES = 10_000;

    final ScanSettings settings;
    final HashSignatures signatures;
    final SecretDetector secrets;
    final ClamdClient clamd;
    final Set<String> workingDirs;

    final AtomicLong uncompressedTotal = new AtomicLong();
    final AtomicLong entries = new AtomicLong();
    /** Symbolic links seen so far: path to the scan index of the layer that made it. */
    final Map<String, Integer> symlinks = new HashMap<>();
    final Set<String> flaggedPaths = new HashSet<>();
    final List<Flagged> flagged = new ArrayList<>();
    int flaggedDropped;
    final List<PathIssue> pathIssues = new ArrayList<>();
    final Map<PathIssue.Kind, Integer> unlistedPathIssues = new EnumMap<>(PathIssue.Kind.class);
    int capturedPackages;
    int whiteouts;
    int licenseFiles;
    volatile String clamdFailure;

    ScanContext(ScanSettings settings, HashSignatures signatures, SecretDetector secrets, ClamdClient clamd,
                Set<String> workingDirs) {
        this.settings = settings;
        this.signatures = signatures;
        this.secrets = secrets;
        this.clamd = clamd;
        this.workingDirs = workingDirs;
    }

    void flag(Flagged f) {
        if (flagged.size() < MAX_FLAGGED) {
            flagged.add(f);
            flaggedPaths.add(f.path());
        } else {
            flaggedDropped++;
        }
    }

    void pathIssue(LayerId layer, PathIssue.Kind kind, String path, String other) {
        if (pathIssues.size() < MAX_PATH_ISSUES) {
            pathIssues.add(new PathIssue(layer, kind, path, other));
        } else {
            unlistedPathIssues.merge(kind, 1, Integer::sum);
        }
    }
}
