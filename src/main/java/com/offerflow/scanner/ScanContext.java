package com.offerflow.scanner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** The state of one scan shared by its layers (layers are read one after another). */
final class ScanContext {

    static final int MAX_TRACKED_SYMLINKS = 100_000;
    static final int MAX_FLAGGED = 1_000;
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
    final Findings findings;
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
    int capturedPackages;
    int whiteouts;
    int licenseFiles;
    volatile String clamdFailure;

    ScanContext(ScanSettings settings, Findings findings, HashSignatures signatures, SecretDetector secrets,
                ClamdClient clamd, Set<String> workingDirs) {
        this.settings = settings;
        this.findings = findings;
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
}
