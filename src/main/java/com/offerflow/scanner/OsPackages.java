package com.offerflow.scanner;

import com.offerflow.scanner.report.PackageInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parsers of the OS package databases (dpkg status, apk installed) and of /etc/os-release. */
final class OsPackages {

    private OsPackages() {
    }

    /**
     * Parses a dpkg status file, or one file of {@code status.d/} (distroless: no Status field). Only packages whose
     * Status ends in {@code installed} count; paragraphs are separated by blank lines.
     */
    static List<PackageInfo> parseDpkg(String content, int maxPackages) {
        List<PackageInfo> out = new ArrayList<>();
        Map<String, String> fields = new HashMap<>();
        for (String line : lines(content)) {
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    PackageInfo p = dpkgPackage(fields);
                    if (p != null && out.size() < maxPackages) {
                        out.add(p);
                    }
                    fields.clear();
                }
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // continuation of a multi-line field (Description, Conffiles)
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                String key = line.substring(0, colon);
                if (key.equals("Package") || key.equals("Status") || key.equals("Version") || key.equals("Source")) {
                    fields.put(key, line.substring(colon + 1).trim());
                }
            }
        }
        return out;
    }

    private static PackageInfo dpkgPackage(Map<String, String> f) {
        String name = f.get("Package");
        String version = f.get("Version");
        if (name == null || version == null || name.isEmpty() || version.isEmpty()) {
            return null;
        }
        String status = f.get("Status");
        if (status != null && !status.endsWith(" installed")) {
            return null;
        }
        String source = name;
        String sourceVersion = version;
        String src = f.get("Source");
        if (src != null && !src.isEmpty()) {
            int paren = src.indexOf('(');
            if (paren > 0 && src.endsWith(")")) {
                source = src.substring(0, paren).trim();
                sourceVersion = src.substring(paren + 1, src.length() - 1).trim();
            } else {
                source = src.trim();
            }
        }
        return new PackageInfo(name, version, "Debian", null, source, sourceVersion);
    }

    /** Parses apk's {@code /lib/apk/db/installed}: {@code P:} name, {@code V:} version, {@code o:} origin. */
    static List<PackageInfo> parseApk(String content, int maxPackages) {
        List<PackageInfo> out = new ArrayList<>();
        String name = null;
        String version = null;
        String origin = null;
        for (String line : lines(content)) {
            if (line.isBlank()) {
                if (name != null && version != null && out.size() < maxPackages) {
                    out.add(new PackageInfo(name, version, "Alpine", null, origin == null ? name : origin, version));
                }
                name = null;
                version = null;
                origin = null;
            } else if (line.startsWith("P:")) {
                name = line.substring(2).trim();
            } else if (line.startsWith("V:")) {
                version = line.substring(2).trim();
            } else if (line.startsWith("o:")) {
                origin = line.substring(2).trim();
            }
        }
        return out;
    }

    /** The lines of a text without splitting it into an array first, followed by one blank line. */
    static Iterable<String> lines(String content) {
        return () -> new java.util.Iterator<>() {
            private int start = 0;
            private boolean trailerSent = false;

            @Override
            public boolean hasNext() {
                return start < content.length() || !trailerSent;
            }

            @Override
            public String next() {
                if (start >= content.length()) {
                    trailerSent = true;
                    return "";
                }
                int end = content.indexOf('\n', start);
                if (end < 0) {
                    end = content.length();
                }
                String line = content.substring(start, end);
                start = end + 1;
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
        };
    }

    /** ID and VERSION_ID of /etc/os-release. */
    record OsRelease(String id, String versionId) {

        static OsRelease parse(String content) {
            String id = null;
            String version = null;
            for (String line : content.split("\n")) {
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                if (key.equals("ID")) {
                    id = value;
                } else if (key.equals("VERSION_ID")) {
                    version = value;
                }
            }
            return new OsRelease(id, version);
        }

        /** The OSV release for an ecosystem: Debian {@code 12}, Alpine {@code v3.20} (from 3.20.3); else null. */
        String osvRelease(String ecosystem) {
            if (versionId == null || versionId.isEmpty()) {
                return null;
            }
            if (ecosystem.equals("Alpine")) {
                String[] parts = versionId.split("\\.");
                return parts.length >= 2 ? "v" + parts[0] + "." + parts[1] : null;
            }
            if (ecosystem.equals("Debian")) {
                int dot = versionId.indexOf('.');
                return dot > 0 ? versionId.substring(0, dot) : versionId;
            }
            return null;
        }
    }
}
