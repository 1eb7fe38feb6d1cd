package com.offerflow.scanner.facts;

import com.offerflow.scanner.report.PackageInfo;

import java.util.List;
import java.util.Map;

/**
 * The file system a container of one manifest starts with, as a runtime assembles it from the layers (later layers
 * override earlier ones, whiteouts delete), as far as the checks need it.
 *
 * @param users                user names to uids from the final {@code /etc/passwd}; null when there is none (or it
 *                             could not be read)
 * @param licenseFile          the first license file present (path without a leading {@code /}); null when none
 * @param licenseFilesDeleted  whether a layer added license files that a later layer deleted
 * @param packages             the installed OS packages of the final package databases, with the release
 * @param unreadableDatabases  package databases that could not be read: path to why
 */
public record FileSystemFacts(Map<String, Long> users, String licenseFile, boolean licenseFilesDeleted,
                              List<PackageInfo> packages, Map<String, String> unreadableDatabases) {

    public FileSystemFacts {
        users = users == null ? null : Map.copyOf(users);
        packages = List.copyOf(packages);
        unreadableDatabases = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(unreadableDatabases));
    }
}
