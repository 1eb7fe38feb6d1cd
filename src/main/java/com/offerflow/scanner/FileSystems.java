package com.offerflow.scanner;

import com.offerflow.image.Digest;
import com.offerflow.scanner.facts.FileSystemFacts;
import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.PackageInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file systems the layers make, as a runtime assembles them: later layers override earlier ones, whiteouts
 * delete. Built at the end of the pass from what each layer's files were.
 */
final class FileSystems {

    private final Map<Digest, LayerFiles> files;

    /** @param files what each layer read contributes, by digest */
    FileSystems(Map<Digest, LayerFiles> files) {
        this.files = files;
    }

    /** The final file system of the given layers (bottom to top). */
    FileSystemFacts of(List<Digest> layers) {
        List<LayerFiles> fs = layers.stream().map(d -> files.getOrDefault(d, new LayerFiles())).toList();
        LayerFiles.Captured passwd = LayerFiles.resolve(fs, "etc/passwd");
        @SuppressWarnings("unchecked")
        Map<String, Long> users = passwd != null && passwd.kind() == LayerFiles.Kind.PASSWD
                ? (Map<String, Long>) passwd.value() : null;
        Set<String> licenses = paths(fs, Set.of(LayerFiles.Kind.LICENSE));
        String license = licenses.stream().filter(p -> is(fs, p, LayerFiles.Kind.LICENSE)).findFirst().orElse(null);
        List<PackageInfo> packages = new ArrayList<>();
        Map<String, String> unreadable = new HashMap<>();
        OsPackages.OsRelease release = osRelease(fs);
        for (String path : paths(fs, Set.of(LayerFiles.Kind.DPKG, LayerFiles.Kind.APK, LayerFiles.Kind.UNREADABLE))) {
            LayerFiles.Captured c = LayerFiles.resolve(fs, path);
            if (c == null) {
                continue;
            }
            if (c.kind() == LayerFiles.Kind.UNREADABLE) {
                unreadable.put(path, c.problem());
            } else if (c.kind() == LayerFiles.Kind.DPKG || c.kind() == LayerFiles.Kind.APK) {
                for (PackageInfo p : c.packages()) {
                    packages.add(new PackageInfo(p.name(), p.version(), p.ecosystem(),
                            release == null ? null : release.osvRelease(p.ecosystem()), p.source(),
                            p.sourceVersion()));
                }
            }
        }
        return new FileSystemFacts(users, license, license == null && !licenses.isEmpty(), packages, unreadable);
    }

    /** Every path some layer captured as one of the kinds, sorted. */
    private static Set<String> paths(List<LayerFiles> fs, Set<LayerFiles.Kind> kinds) {
        Set<String> paths = new TreeSet<>();
        for (LayerFiles l : fs) {
            l.files.forEach((path, c) -> {
                if (kinds.contains(c.kind())) {
                    paths.add(path);
                }
            });
        }
        return paths;
    }

    private static boolean is(List<LayerFiles> fs, String path, LayerFiles.Kind kind) {
        LayerFiles.Captured c = LayerFiles.resolve(fs, path);
        return c != null && c.kind() == kind;
    }

    private static OsPackages.OsRelease osRelease(List<LayerFiles> fs) {
        for (String p : List.of("etc/os-release", "usr/lib/os-release")) {
            LayerFiles.Captured c = LayerFiles.resolve(fs, p);
            if (c != null && c.kind() == LayerFiles.Kind.OS_RELEASE) {
                return (OsPackages.OsRelease) c.value();
            }
        }
        return null;
    }

    /**
     * What a later layer of a manifest (the primary first) did to a file of {@code layer}: deleted it (a whiteout of
     * it or an ancestor) or replaced it; null when no later layer touches it.
     */
    FlaggedFile.Later later(List<ManifestFacts> manifests, Digest layer, String path) {
        for (ManifestFacts m : manifests) {
            int at = m.layers().indexOf(layer);
            if (at < 0) {
                continue;
            }
            for (int j = at + 1; j < m.layers().size(); j++) {
                LayerFiles later = files.get(m.layers().get(j));
                if (later == null) {
                    continue;
                }
                if (later.deletes(path)) {
                    return new FlaggedFile.Later(true, j + 1, at + 1);
                }
                if (later.replaced.contains(path)) {
                    return new FlaggedFile.Later(false, j + 1, at + 1);
                }
            }
        }
        return null;
    }
}
