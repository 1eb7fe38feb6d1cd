package com.offerflow.scanner.advisories;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory of OSV advisories ({@code *.json}, one advisory per file, in any layout 8 levels deep) and the index
 * of what it holds now: {@link #current()} loads it again when a file was added, removed or changed. Thread-safe;
 * share one instance between everything that matches against the same directory.
 */
public final class AdvisoryDirectory {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryDirectory.class);

    /** The index, or why there is none. */
    public record Snapshot(AdvisoryIndex index, String problem) {
    }

    private record Loaded(String fingerprint, AdvisoryIndex index) {
    }

    private final Path dir;
    private Loaded loaded;

    public AdvisoryDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * The index of the advisories in the directory as they are now; its problem when the directory is missing or
     * cannot be read (unreadable single files are only skipped).
     */
    public synchronized Snapshot current() {
        try {
            if (!Files.isDirectory(dir)) {
                loaded = null;
                return new Snapshot(null, "the advisories directory " + dir + " does not exist");
            }
            String fingerprint = fingerprint();
            if (loaded == null || !loaded.fingerprint().equals(fingerprint)) {
                loaded = new Loaded(fingerprint, AdvisoryIndex.load(dir));
            }
            return new Snapshot(loaded.index(), null);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read advisories from {}", dir, e);
            loaded = null;
            return new Snapshot(null, "the advisories in " + dir + " cannot be read: " + e.getMessage());
        }
    }

    /** Changes when a file is added, removed, resized or touched: names (of up to 99 files), count, sizes, newest. */
    private String fingerprint() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 8)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        }
        StringBuilder b = new StringBuilder();
        long sizes = 0;
        long newest = 0;
        for (Path p : files) {
            try {
                sizes += Files.size(p);
                newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                b.append('!').append(p);
            }
            if (files.size() < 100) {
                b.append(p).append(';');
            }
        }
        return b.append(files.size()).append('/').append(sizes).append('/').append(newest).toString();
    }
}
