package com.offerflow.scanner.checks;

/**
 * The checks of the certification scan. Names are stable: tests, Tasklist forms and API clients use them.
 */
public enum Check {
    IMAGE_STRUCTURE("image-structure",
            "The image index, manifests and configs are present, valid JSON, within size limits and supported.",
            "The image could not be read as an OCI image; the other checks need a readable image.",
            "Export the image again with 'skopeo copy docker://IMAGE oci-archive:FILE.tar' and upload that file."),
    BLOB_INTEGRITY("blob-integrity",
            "Every blob (manifest, config, layer) has the size and sha256 digest its descriptor states.",
            "A blob does not match its descriptor: the image is corrupt or was altered after it was built.",
            "Rebuild or re-export the image; do not edit blobs of an exported image by hand."),
    LAYER_DIFF_IDS("layer-diff-ids",
            "Every layer's uncompressed sha256 matches the diff_id in the image config.",
            "The uncompressed content of a layer does not match the config's rootfs.diff_ids: the image is "
                    + "inconsistent and runtimes will refuse it.",
            "Rebuild the image with a standard tool (docker buildx, buildah, kaniko) and export it again."),
    LAYER_FORMAT("layer-format",
            "Every layer is a well-formed tar archive, uncompressed or compressed with gzip or zstd, with nothing "
                    + "after the compressed stream.",
            "A layer is truncated, corrupt, followed by stray data that container runtimes refuse, or compressed "
                    + "in a way the scanner does not support.",
            "Export the image again with a standard tool (skopeo copy, docker buildx, buildah); to recompress, "
                    + "skopeo copy --dest-compress-format gzip ...."),
    LAYER_LIMITS("layer-limits",
            "Layers stay within the limits on uncompressed size, compression ratio and number of files.",
            "A layer expands far beyond the configured limits (a decompression bomb, or simply too large); "
                    + "reading stopped there.",
            "Remove unneeded files from the image, or ask the marketplace operators about the limits."),
    SAFE_PATHS("safe-paths",
            "No layer entry uses an absolute path, a '..' component, or writes through a symbolic link; "
                    + "no device nodes.",
            "A layer contains entries that would write outside the image's root file system when extracted by a "
                    + "naive tool: a typical attack on container hosts.",
            "Rebuild the image with a standard build tool; never hand-craft layer tar files."),
    PLATFORM("platform",
            "The image provides the required platform (linux/amd64 by default).",
            "The marketplace runs the image on the required platform, which the image does not provide.",
            "Build for the required platform, e.g. 'docker buildx build --platform linux/amd64'."),
    LAYER_COUNT("layer-count",
            "The image has at most the allowed number of layers (40 by default).",
            "Many layers slow down pulls and hit runtime limits.",
            "Squash layers: combine RUN steps or use a multi-stage build that copies the result into few layers."),
    IMAGE_SIZE("image-size",
            "The image's compressed size is within the configured limit.",
            "The image is larger than the marketplace accepts.",
            "Use a smaller base image and a multi-stage build; remove build tools and caches from the final image."),
    NON_ROOT_USER("non-root-user",
            "The image config sets a User that is not root (uid 0), and a named user exists in /etc/passwd.",
            "The container would run as root, which the marketplace does not allow.",
            "Add a user and set it: 'RUN useradd -u 10001 app' and 'USER 10001' (a numeric uid works everywhere)."),
    REQUIRED_LABELS("required-labels",
            "The image has the required labels or annotations (name, vendor, version, summary, description, "
                    + "licenses by default; OCI annotations org.opencontainers.image.* count too).",
            "Customers and the catalog need these labels to identify the image.",
            "Add them in the Dockerfile, e.g. 'LABEL name=\"...\" vendor=\"...\" version=\"...\"'."),
    LICENSE_FILE("license-file",
            "The image contains a license file: /licenses/*, /usr/share/licenses/*, or LICENSE*/COPYING* at the "
                    + "root or in the working directory.",
            "Customers must be able to read the terms under which the image's software is provided.",
            "Copy your license terms into the image: 'COPY LICENSE /licenses/'."),
    MALWARE_SIGNATURES("malware-signatures",
            "No file in any layer matches a known malware hash signature (ClamAV .hdb/.hsb databases, "
                    + "EICAR test file built in). Files deleted by a later layer are scanned too.",
            "A file matches a malware signature. Files deleted by a later layer are still shipped in the image.",
            "Remove the file from the layer where it was added (deleting it in a later layer is not enough) and "
                    + "find out how it got into your build."),
    MALWARE_CLAMD("malware-clamd",
            "No file in any layer is detected by the configured ClamAV daemon (clamd).",
            "ClamAV detected malware in a file. Files deleted by a later layer are still shipped in the image.",
            "Remove the file from the layer where it was added and find out how it got into your build."),
    SECRETS("secrets",
            "No layer contains private keys, cloud access keys or tokens in well-known files and configuration "
                    + "files. Files deleted by a later layer are scanned too.",
            "Anyone who pulls the image can read these credentials, also from layers where a later layer deleted "
                    + "them.",
            "Revoke the credentials now, remove them from the build (use build secrets, "
                    + "'RUN --mount=type=secret'), and rebuild."),
    OS_PACKAGES("os-packages",
            "The OS package databases (dpkg, apk) can be read into a package inventory.",
            "The package database could not be read, so vulnerabilities of OS packages cannot be checked.",
            "Keep the package manager's database in the image (do not delete /var/lib/dpkg or /lib/apk/db)."),
    VULNERABILITIES("vulnerabilities",
            "No installed OS package has a known vulnerability with CVSS score 7.0 or higher (lower scores and "
                    + "unknown scores are warnings for a reviewer).",
            "Installed packages have known vulnerabilities.",
            "Update the base image and run the package manager's upgrade (apt-get upgrade, apk upgrade) in the "
                    + "build; the report lists the fixed versions.");

    private final String id;
    private final String description;
    private final String help;
    private final String suggestion;

    Check(String id, String description, String help, String suggestion) {
        this.id = id;
        this.description = description;
        this.help = help;
        this.suggestion = suggestion;
    }

    /** The stable name in the report, e.g. {@code non-root-user}. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public String help() {
        return help;
    }

    public String suggestion() {
        return suggestion;
    }
}
