package com.offerflow.sbom.cyclonedx;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.image.Digest;

import java.util.Locale;
import java.util.TreeMap;

/**
 * Package URLs (purl, https://github.com/package-url/purl-spec) of what a certification report names, built and
 * encoded by the reference library ({@code packageurl-java}):
 * <ul>
 *   <li>dpkg packages: {@code pkg:deb/debian/<name>@<version>?distro=debian-<release>} (the deb type's vendor
 *       namespace, name lowercased, e.g. {@code pkg:deb/debian/libssl3@3.0.11-1~deb12u2?distro=debian-12});</li>
 *   <li>apk packages: {@code pkg:apk/alpine/<name>@<version>?distro=alpine-<release>} ({@code alpine-3.20});</li>
 *   <li>the image: {@code pkg:oci/<last path component>@sha256:<hex>?tag=<tag>} (oci purls name no registry by
 *       default; the package is served from several).</li>
 * </ul>
 * The {@code arch} qualifier is left out: the report does not record a package's architecture (dpkg's
 * {@code Architecture}, which may be {@code all}), and the image's platform is not the package's.
 */
final class PackageUrls {

    private PackageUrls() {
    }

    /** The purl of an OS package, or of a {@code generic} package for an ecosystem without a purl type here. */
    static String of(PackageInfo p) {
        String ecosystem = p.ecosystem() == null ? "" : p.ecosystem().toLowerCase(Locale.ROOT);
        TreeMap<String, String> qualifiers = new TreeMap<>();
        String release = release(p.release());
        return switch (ecosystem) {
            case "debian" -> {
                if (release != null) {
                    qualifiers.put("distro", "debian-" + release);
                }
                yield build("deb", "debian", p.name(), p.version(), qualifiers);
            }
            case "alpine" -> {
                if (release != null) {
                    qualifiers.put("distro", "alpine-" + release);
                }
                yield build("apk", "alpine", p.name(), p.version(), qualifiers);
            }
            default -> build("generic", null, p.name(), p.version(), qualifiers);
        };
    }

    /** The purl of the image: {@code pkg:oci/<name>@sha256:<hex>?tag=<tag>}. */
    static String ofImage(String repositoryName, Digest manifestDigest, String tag) {
        String name = repositoryName.substring(repositoryName.lastIndexOf('/') + 1);
        TreeMap<String, String> qualifiers = new TreeMap<>();
        if (tag != null) {
            qualifiers.put("tag", tag);
        }
        return build("oci", null, name, manifestDigest.toString(), qualifiers);
    }

    /** OSV's release without Alpine's {@code v}: {@code 12}, {@code 3.20}; null when unknown. */
    private static String release(String release) {
        if (release == null || release.isBlank()) {
            return null;
        }
        return release.startsWith("v") ? release.substring(1) : release;
    }

    private static String build(String type, String namespace, String name, String version,
            TreeMap<String, String> qualifiers) {
        try {
            return new PackageURL(type, namespace, name.toLowerCase(Locale.ROOT), version,
                    qualifiers.isEmpty() ? null : qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("No package URL for " + name + " " + version + ": " + e.getMessage(),
                    e);
        }
    }
}
