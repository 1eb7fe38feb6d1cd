package com.offerflow.scanner;

import com.offerflow.scanner.report.PackageInfo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one layer contributes to the final file system, collected while it is read: captured files by path (users,
 * package databases, license files), and the paths it deletes (whiteouts). {@link FileSystems} turns the layers'
 * files into the facts the checks judge.
 */
final class LayerFiles {

    enum Kind { PASSWD, OS_RELEASE, DPKG, APK, LICENSE, OTHER, UNREADABLE }

    /** A file at an interesting path; {@code value} depends on the kind (parsed content), null for OTHER. */
    record Captured(Kind kind, Object value, String problem) {
        static final Captured OTHER = new Captured(Kind.OTHER, null, null);

        @SuppressWarnings("unchecked")
        List<PackageInfo> packages() {
            return (List<PackageInfo>) value;
        }
    }

    final Map<String, Captured> files = new HashMap<>();
    final Set<String> whiteouts = new HashSet<>();
    final Set<String> opaqueDirs = new HashSet<>();
    /** Paths of files flagged in an earlier layer that this layer writes again (replacing them). */
    final Set<String> replaced = new HashSet<>();

    /** Whether this layer deletes {@code path} of lower layers (whiteout of it or an ancestor, opaque ancestor). */
    boolean deletes(String path) {
        if (whiteouts.isEmpty() && opaqueDirs.isEmpty()) {
            return false;
        }
        if (whiteouts.contains(path)) {
            return true;
        }
        if (opaqueDirs.contains("")) {
            return true;
        }
        int slash = path.indexOf('/');
        while (slash > 0) {
            String ancestor = path.substring(0, slash);
            if (whiteouts.contains(ancestor) || opaqueDirs.contains(ancestor)) {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return false;
    }

    /**
     * The file at {@code path} in the file system that {@code layers} (bottom to top) produce: the topmost layer
     * that has an entry there wins; a whiteout above the entry deletes it (null).
     */
    static Captured resolve(List<LayerFiles> layers, String path) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            LayerFiles l = layers.get(i);
            Captured c = l.files.get(path);
            if (c != null) {
                return c;
            }
            if (l.deletes(path)) {
                return null;
            }
        }
        return null;
    }
}
