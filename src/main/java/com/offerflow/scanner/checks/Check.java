package com.offerflow.scanner.checks;

/**
 * The checks of the certification scan: their names and texts. Names are stable: tests, Tasklist forms and API
 * clients use them. Each check says what it found in the words of its outcome ({@link #text}): what holds when it
 * passed, what is wrong when it failed, what a reviewer should judge for a warning, what could not be checked for
 * an error. Its {@link #help} says what it requires and why, its {@link #suggestion} what to do.
 */
public enum Check {
    IMAGE_STRUCTURE("image-structure",
            Texts.passed("The image index, manifests and configs are present, valid JSON, within size limits and "
                            + "supported.")
                    .failed("The image could not be read as an OCI image: its index, a manifest or a config is "
                            + "missing, not valid JSON, too large or unsupported.")
                    .error("The scanner failed on this image, so its report is incomplete."),
            "The index, manifests and configs must be present, valid JSON, within size limits and supported; the "
                    + "other checks need a readable image.",
            "Export the image again with 'skopeo copy docker://IMAGE oci-archive:FILE.tar' and upload that file."),
    BLOB_INTEGRITY("blob-integrity",
            Texts.passed("Every blob (manifest, config, layer) has the size and sha256 digest its descriptor states.")
                    .failed("A blob is missing or does not match its descriptor: the image is corrupt or was altered "
                            + "after it was built.")
                    .error("A blob could not be verified: reading stopped at a limit before its end."),
            "Every blob (manifest, config, layer) must have the size and sha256 digest its descriptor states.",
            "Rebuild or re-export the image; do not edit blobs of an exported image by hand."),
    LAYER_DIFF_IDS("layer-diff-ids",
            Texts.passed("Every layer's uncompressed sha256 matches the diff_id in the image config.")
                    .failed("The uncompressed content of a layer does not match the config's rootfs.diff_ids: the "
                            + "image is inconsistent and runtimes will refuse it.")
                    .error("A layer's uncompressed content could not be compared with the config's diff_ids: it was "
                            + "not read completely."),
            "Every layer's uncompressed sha256 must match the diff_id in the image config.",
            "Rebuild the image with a standard tool (docker buildx, buildah, kaniko) and export it again."),
    LAYER_FORMAT("layer-format",
            Texts.passed("Every layer is a well-formed tar archive, uncompressed or compressed with gzip or zstd, with "
                            + "nothing after the compressed stream.")
                    .failed("A layer is truncated, corrupt, followed by stray data that container runtimes refuse, "
                            + "or compressed in a way the scanner does not support."),
            "Every layer must be a well-formed tar archive, uncompressed or compressed with gzip or zstd, with nothing "
                    + "after the compressed stream.",
            "Export the image again with a standard tool (skopeo copy, docker buildx, buildah); to recompress, "
                    + "skopeo copy --dest-compress-format gzip ...."),
    LAYER_LIMITS("layer-limits",
            Texts.passed("Layers stay within the limits on uncompressed size, compression ratio and number of files.")
                    .failed("A layer expands beyond the limits on uncompressed size, compression ratio or number of "
                            + "files (a decompression bomb, or simply too large); reading stopped there."),
            "Layers must stay within the configured limits on uncompressed size, compression ratio and number of "
                    + "files.",
            "Remove unneeded files from the image, or ask the marketplace operators about the limits."),
    SAFE_PATHS("safe-paths",
            Texts.passed("No layer entry uses an absolute path, a '..' component, or writes through a symbolic link; "
                            + "no device nodes.")
                    .failed("A layer contains entries that would write outside the image's root file system when "
                            + "extracted by a naive tool: a typical attack on container hosts.")
                    .warning("A layer writes through a symbolic link made by an earlier layer, or contains device "
                            + "nodes: a reviewer judges whether that is intended."),
            "No layer entry may use an absolute path, a '..' component, a hard link outside the root, or write "
                    + "through a symbolic link; images need no device nodes.",
            "Rebuild the image with a standard build tool; never hand-craft layer tar files."),
    PLATFORM("platform",
            Texts.passed("The image provides the required platform (linux/amd64 by default).")
                    .failed("The image does not provide the required platform (linux/amd64 by default)."),
            "The image must provide the required platform: the marketplace runs the image there.",
            "Build for the required platform, e.g. 'docker buildx build --platform linux/amd64'."),
    LAYER_COUNT("layer-count",
            Texts.passed("The image has at most the allowed number of layers (40 by default).")
                    .failed("The image has more layers than allowed (40 by default)."),
            "A manifest may have at most the allowed number of layers: many layers slow down pulls and hit runtime "
                    + "limits.",
            "Squash layers: combine RUN steps or use a multi-stage build that copies the result into few layers."),
    IMAGE_SIZE("image-size",
            Texts.passed("The image's compressed size is within the configured limit.")
                    .failed("The image is larger than the marketplace accepts."),
            "The image's compressed size must be within the configured limit.",
            "Use a smaller base image and a multi-stage build; remove build tools and caches from the final image."),
    NON_ROOT_USER("non-root-user",
            Texts.passed("The image config sets a User that is not root (uid 0), and a named user exists in "
                            + "/etc/passwd.")
                    .failed("The container would run as root, which the marketplace does not allow, or as a user "
                            + "the image does not have."),
            "The image config must set a User that is not root (uid 0); a named user must exist in /etc/passwd.",
            "Add a user and set it: 'RUN useradd -u 10001 app' and 'USER 10001' (a numeric uid works everywhere)."),
    REQUIRED_LABELS("required-labels",
            Texts.passed("The image has the required labels or annotations (name, vendor, version, summary, "
                            + "description, licenses by default; OCI annotations org.opencontainers.image.* count "
                            + "too).")
                    .failed("The image lacks required labels or annotations."),
            "The image must have the required labels or annotations (name, vendor, version, summary, description, "
                    + "licenses by default; OCI annotations org.opencontainers.image.* count too): customers and the "
                    + "catalog need them to identify the image.",
            "Add them in the Dockerfile, e.g. 'LABEL name=\"...\" vendor=\"...\" version=\"...\"'."),
    LICENSE_FILE("license-file",
            Texts.passed("The image contains a license file: /licenses/*, /usr/share/licenses/*, or LICENSE*/COPYING* "
                            + "at the root or in the working directory.")
                    .failed("The image contains no license file."),
            "The image must contain a license file (/licenses/*, /usr/share/licenses/*, or LICENSE*/COPYING* at the "
                    + "root or in the working directory): customers must be able to read the terms under which the "
                    + "image's software is provided.",
            "Copy your license terms into the image: 'COPY LICENSE /licenses/'."),
    MALWARE_SIGNATURES("malware-signatures",
            Texts.passed("No file in any layer matches a known malware hash signature (ClamAV .hdb/.hsb databases, "
                            + "EICAR test file built in). Files deleted by a later layer are scanned too.")
                    .failed("A file in the image matches a known malware hash signature.")
                    .error("The files could not be checked against every malware hash signature."),
            "No file in any layer may match a known malware hash signature (ClamAV .hdb/.hsb databases, EICAR test "
                    + "file built in). Files deleted by a later layer are still shipped in the image, so they count "
                    + "too.",
            "Remove the file from the layer where it was added (deleting it in a later layer is not enough) and "
                    + "find out how it got into your build."),
    MALWARE_CLAMD("malware-clamd",
            Texts.passed("No file in any layer is detected by the configured ClamAV daemon (clamd).")
                    .failed("ClamAV detected malware in a file of the image.")
                    .error("Not every file could be checked by ClamAV: clamd did not answer or failed."),
            "No file in any layer may be detected by the configured ClamAV daemon (clamd). Files deleted by a later "
                    + "layer are still shipped in the image, so they count too.",
            "Remove the file from the layer where it was added and find out how it got into your build."),
    SECRETS("secrets",
            Texts.passed("No layer contains private keys, cloud access keys or tokens in well-known files and "
                            + "configuration files. Files deleted by a later layer are scanned too.")
                    .failed("The image contains private keys, access keys or tokens: anyone who pulls it can read "
                            + "them.")
                    .error("The layers were not searched for secrets."),
            "No layer may contain private keys, cloud access keys or tokens, also not in layers where a later layer "
                    + "deleted them: anyone who pulls the image can read every layer.",
            "Revoke the credentials now, remove them from the build (use build secrets, "
                    + "'RUN --mount=type=secret'), and rebuild."),
    OS_PACKAGES("os-packages",
            Texts.passed("The OS package databases (dpkg, apk) can be read into a package inventory.")
                    .warning("A package database could not be read, so the vulnerabilities of its packages cannot "
                            + "be checked."),
            "The OS package databases (dpkg, apk) must be readable, so that the installed packages can be checked "
                    + "for vulnerabilities.",
            "Keep the package manager's database in the image (do not delete /var/lib/dpkg or /lib/apk/db)."),
    VULNERABILITIES("vulnerabilities",
            Texts.passed("No installed OS package has a known vulnerability at or above the blocking score (CVSS 7.0 "
                            + "by default; lower and unknown scores would be warnings for a reviewer).")
                    .failed("Installed OS packages have known vulnerabilities with a CVSS score at or above the "
                            + "blocking score (7.0 by default), or rated HIGH or CRITICAL without a score.")
                    .warning("Installed OS packages have known vulnerabilities below the blocking score or of "
                            + "unknown severity: a reviewer judges them.")
                    .error("The installed OS packages could not be checked: the advisories could not be read."),
            "No installed OS package may have a known vulnerability at or above the blocking score (CVSS 7.0 by "
                    + "default; HIGH or CRITICAL when an advisory gives no score); lower and unknown scores are for a "
                    + "reviewer to judge.",
            "Update the base image and run the package manager's upgrade (apt-get upgrade, apk upgrade) in the "
                    + "build; the report lists the fixed versions.");

    /**
     * What a check shows for each outcome; null for an outcome the check never has.
     *
     * @param passed what holds when it passed: the check's description
     */
    record Texts(String passed, String failed, String warning, String error) {

        static Texts passed(String text) {
            return new Texts(text, null, null, null);
        }

        Texts failed(String text) {
            return new Texts(passed, text, warning, error);
        }

        Texts warning(String text) {
            return new Texts(passed, failed, text, error);
        }

        Texts error(String text) {
            return new Texts(passed, failed, warning, text);
        }
    }

    private final String id;
    private final Texts texts;
    private final String help;
    private final String suggestion;

    Check(String id, Texts texts, String help, String suggestion) {
        this.id = id;
        this.texts = texts;
        this.help = help;
        this.suggestion = suggestion;
    }

    /** The stable name in the report, e.g. {@code non-root-user}. */
    public String id() {
        return id;
    }

    /** What the check verifies, as it reads when it passed. */
    public String description() {
        return texts.passed();
    }

    /**
     * What the check found, in the words of its outcome. An outcome the check has no text for (none of its
     * evidence should have that status) reads as the general statement of that outcome.
     */
    public String text(Verdict.Status status) {
        String text = switch (status) {
            case PASSED -> texts.passed();
            case FAILED -> texts.failed();
            case WARNING -> texts.warning();
            case ERROR -> texts.error();
        };
        if (text != null) {
            return text;
        }
        return switch (status) {
            case PASSED -> texts.passed();
            case FAILED -> "The image does not meet this check's requirement.";
            case WARNING -> "A reviewer judges what this check found.";
            case ERROR -> "The check could not run to the end.";
        };
    }

    /** What the check requires and why. */
    public String help() {
        return help;
    }

    /** What to do when it did not pass. */
    public String suggestion() {
        return suggestion;
    }
}
