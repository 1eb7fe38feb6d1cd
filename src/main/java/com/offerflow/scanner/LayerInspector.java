package com.offerflow.scanner;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every content check on the tar stream of one layer, entry by entry, reading each entry's bytes once: path
 * safety, whiteouts, hash signatures (only files whose size a signature names are hashed), secrets (only candidate
 * files are buffered and searched), clamd, and the files the final-file-system checks need (passwd, os-release,
 * package databases, license files). Nothing is written to disk.
 */
final class LayerInspector implements LayerPipeline.TarConsumer {

    private static final long MAX_SMALL_CAPTURE = 256 * 1024;
    // one more than the image may list, so that a longer list is seen as too long
    private static final int MAX_PACKAGES = ScanContext.MAX_CAPTURED_PACKAGES + 1;

    private final ScanContext ctx;
    private final LayerRef layer;
    private final LayerFacts facts;
    private final byte[] buf = new byte[64 * 1024];
    private final java.util.function.BooleanSupplier streamStopped;
    private String tarProblem;
    private String limitProblem;
    private long entryCount;

    /**
     * @param streamStopped tells whether the uncompressed stream was cut short (a limit or a gzip error), so that
     *                      a tar error caused by the cut is not reported as a second problem
     */
    LayerInspector(ScanContext ctx, LayerRef layer, LayerFacts facts, java.util.function.BooleanSupplier streamStopped) {
        this.ctx = ctx;
        this.layer = layer;
        this.facts = facts;
        this.streamStopped = streamStopped;
    }

    String tarProblem() {
        return tarProblem;
    }

    String limitProblem() {
        return limitProblem;
    }

    long entryCount() {
        return entryCount;
    }

    @Override
    public void consume(InputStream in) throws IOException {
        GuardedTarInputStream tar = GuardedTarInputStream.over(in);
        try {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entryCount++;
                if (ctx.entries.incrementAndGet() > ctx.settings.maxTarEntries()) {
                    limitProblem = "the layers have more than " + ctx.settings.maxTarEntries()
                            + " files in total (limit per image)";
                    return;
                }
                inspect(e, tar);
            }
        } catch (IOException | RuntimeException e) {
            if (isSourceFailure(e)) {
                throw (IOException) sourceFailure(e);
            }
            if (streamStopped.getAsBoolean()) {
                return; // the tar ends early because reading stopped: that problem is reported already
            }
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            tarProblem = "not a valid tar stream after " + entryCount + " entries (" + m + ")";
        }
    }

    private static boolean isSourceFailure(Throwable e) {
        return sourceFailure(e) != null;
    }

    private static Throwable sourceFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LayerStreams.SourceIOException) {
                return t;
            }
        }
        return null;
    }

    /** A tar entry name made relative: absolute, traversal flags and the normalized path. */
    record PathInfo(String normalized, boolean absolute, boolean traversal) {
        static PathInfo of(String raw) {
            boolean absolute = raw.startsWith("/");
            StringBuilder b = new StringBuilder(raw.length());
            boolean traversal = false;
            int i = 0;
            int n = raw.length();
            while (i <= n) {
                int slash = raw.indexOf('/', i);
                if (slash < 0) {
                    slash = n;
                }
                if (slash > i) {
                    String part = raw.substring(i, slash);
                    if (part.equals("..")) {
                        traversal = true;
                    } else if (!part.equals(".")) {
                        if (b.length() > 0) {
                            b.append('/');
                        }
                        b.append(part);
                    }
                }
                i = slash + 1;
            }
            return new PathInfo(b.toString(), absolute, traversal);
        }
    }

    private void inspect(TarArchiveEntry e, GuardedTarInputStream tar) throws IOException {
        String raw = e.getName();
        PathInfo info = PathInfo.of(raw);
        if (info.absolute) {
            ctx.findings.fail(Check.SAFE_PATHS, layer.evidence(raw,
                    "absolute path: a naive extractor writes it outside the container's root file system"));
        }
        if (info.traversal) {
            ctx.findings.fail(Check.SAFE_PATHS, layer.evidence(raw,
                    "'..' in the path climbs out of the container's root file system"));
        }
        String path = info.traversal ? null : info.normalized;
        String shown = path != null ? path : raw;
        if (path != null) {
            if (!ctx.symlinks.isEmpty()) {
                checkThroughSymlink(path);
            }
            if (!ctx.flaggedPaths.isEmpty() && ctx.flaggedPaths.contains(path)) {
                facts.replaced.add(path);
            }
        }
        if (e.isSymbolicLink()) {
            if (path != null && !path.isEmpty() && ctx.symlinks.size() < ScanContext.MAX_TRACKED_SYMLINKS) {
                ctx.symlinks.put(path, layer.scanIndex());
            }
            markOther(path);
            skipData(tar);
            return;
        }
        if (e.isLink()) {
            PathInfo target = PathInfo.of(e.getLinkName());
            if (target.absolute || target.traversal) {
                ctx.findings.fail(Check.SAFE_PATHS, layer.evidence(shown,
                        "hard link to '" + e.getLinkName() + "' outside the container's root file system"));
            }
            markOther(path);
            skipData(tar);
            return;
        }
        if (e.isCharacterDevice() || e.isBlockDevice()) {
            ctx.findings.warn(Check.SAFE_PATHS, layer.evidence(shown,
                    "device node (" + (e.isCharacterDevice() ? "character" : "block")
                            + "): images do not need device files; the runtime provides /dev"));
            skipData(tar);
            return;
        }
        if (e.isDirectory() || e.isFIFO() || !e.isFile()) {
            skipData(tar);
            return;
        }
        String name = shown.substring(shown.lastIndexOf('/') + 1);
        if (path != null && name.startsWith(".wh.")) {
            String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            if (ctx.whiteouts++ >= ScanContext.MAX_WHITEOUTS) {
                if (ctx.whiteouts == ScanContext.MAX_WHITEOUTS + 1) {
                    ctx.findings.warn(Check.SAFE_PATHS, layer.evidence(shown, "more than "
                            + ScanContext.MAX_WHITEOUTS + " whiteouts: later ones are not taken into account"));
                }
            } else if (name.equals(".wh..wh..opq")) {
                facts.opaqueDirs.add(parent);
            } else if (!name.startsWith(".wh..wh.")) {
                facts.whiteouts.add((parent.isEmpty() ? "" : parent + "/") + name.substring(4));
            }
        }
        inspectContent(e, tar, path, shown);
    }

    /** Reads what a non-regular entry carries (normally nothing) so the next header parse starts clean. */
    private void skipData(GuardedTarInputStream tar) throws IOException {
        while (tar.read(buf, 0, buf.length) > 0) {
            // discarded; hashed as part of the layer
        }
    }

    private void markOther(String path) {
        if (path != null && captureKind(path) != null) {
            facts.files.put(path, LayerFacts.Captured.OTHER);
        }
    }

    private void checkThroughSymlink(String path) {
        int slash = path.indexOf('/');
        while (slash > 0) {
            Integer linkLayer = ctx.symlinks.get(path.substring(0, slash));
            if (linkLayer != null) {
                String link = path.substring(0, slash);
                if (linkLayer == layer.scanIndex()) {
                    ctx.findings.fail(Check.SAFE_PATHS, layer.evidence(path, "written through the symbolic link '/"
                            + link + "' of the same layer: a naive extractor follows the link and writes wherever "
                            + "it points"));
                } else {
                    ctx.findings.warn(Check.SAFE_PATHS, layer.evidence(path, "written through '/" + link
                            + "', a symbolic link made by an earlier layer"));
                }
                return;
            }
            slash = path.indexOf('/', slash + 1);
        }
    }

    private LayerFacts.Kind captureKind(String path) {
        switch (path) {
            case "etc/passwd":
                return LayerFacts.Kind.PASSWD;
            case "etc/os-release":
            case "usr/lib/os-release":
                return LayerFacts.Kind.OS_RELEASE;
            case "var/lib/dpkg/status":
                return LayerFacts.Kind.DPKG;
            case "lib/apk/db/installed":
                return LayerFacts.Kind.APK;
            default:
                break;
        }
        if (path.startsWith("var/lib/dpkg/status.d/") && path.indexOf('/', 22) < 0 && path.length() > 22
                && !path.endsWith(".md5sums")) {
            return LayerFacts.Kind.DPKG;
        }
        if (isLicensePath(path)) {
            return LayerFacts.Kind.LICENSE;
        }
        return null;
    }

    private boolean isLicensePath(String path) {
        if (path.startsWith("licenses/") || path.startsWith("usr/share/licenses/")) {
            return !path.endsWith("/") && path.lastIndexOf('/') < path.length() - 1;
        }
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash);
        String name = path.substring(slash + 1).toUpperCase(Locale.ROOT);
        boolean licenseName = name.startsWith("LICENSE") || name.startsWith("LICENCE") || name.startsWith("COPYING");
        return licenseName && (dir.isEmpty() || ctx.workingDirs.contains(dir));
    }

    private void inspectContent(TarArchiveEntry e, GuardedTarInputStream tar, String path, String shown)
            throws IOException {
        long size = e.getSize();
        List<HashSignatures.Signature> sigs = size <= ctx.settings.maxHashedFileSize() && ctx.signatures.wants(size)
                ? ctx.signatures.candidates(size) : List.of();
        Map<HashSignatures.Algorithm, MessageDigest> digests = null;
        if (!sigs.isEmpty()) {
            digests = new EnumMap<>(HashSignatures.Algorithm.class);
            for (HashSignatures.Signature s : sigs) {
                digests.computeIfAbsent(s.algorithm(), HashSignatures.Algorithm::newDigest);
            }
        }
        boolean secret = ctx.secrets.isCandidate(shown, size);
        LayerFacts.Kind kind = path == null ? null : captureKind(path);
        long captureLimit = kind == LayerFacts.Kind.DPKG || kind == LayerFacts.Kind.APK
                ? ctx.settings.maxPackageDatabaseBytes() : MAX_SMALL_CAPTURE;
        boolean capture = kind != null && kind != LayerFacts.Kind.LICENSE;
        if (capture && size > captureLimit) {
            facts.files.put(path, new LayerFacts.Captured(LayerFacts.Kind.UNREADABLE, null,
                    "/" + path + " is " + size + " bytes, more than the limit of " + captureLimit));
            capture = false;
        }
        ClamdClient.Scan clamScan = null;
        if (ctx.clamd != null && ctx.clamdFailure == null && size > 0 && size <= ctx.clamd.maxFileSize()) {
            try {
                clamScan = ctx.clamd.open();
            } catch (IOException ex) {
                clamdFailed(ex);
            }
        }
        byte[] content = secret || capture ? new byte[(int) size] : null;
        long read = 0;
        int n;
        while ((n = tar.read(buf, 0, buf.length)) > 0) {
            if (digests != null) {
                for (MessageDigest md : digests.values()) {
                    md.update(buf, 0, n);
                }
            }
            if (content != null && read + n <= content.length) {
                System.arraycopy(buf, 0, content, (int) read, n);
            }
            if (clamScan != null) {
                try {
                    clamScan.write(buf, 0, n);
                } catch (IOException ex) {
                    clamdFailed(ex);
                    clamScan.abort();
                    clamScan = null;
                }
            }
            read += n;
        }
        if (read != size) {
            if (clamScan != null) {
                clamScan.abort();
            }
            return; // truncated entry: the tar parser reports the problem
        }
        if (digests != null) {
            matchSignatures(sigs, digests, shown);
        }
        if (secret) {
            for (SecretDetector.Hit hit : ctx.secrets.scan(shown, content, (int) size)) {
                ctx.flag(new Flagged(Check.SECRETS, true, layer.scanIndex(), shown,
                        hit.kind() + " (" + hit.sample() + ")"));
            }
        }
        if (capture) {
            LayerFacts.Captured parsed = parse(kind, content);
            if (kind == LayerFacts.Kind.DPKG || kind == LayerFacts.Kind.APK) {
                ctx.capturedPackages += parsed.packages().size();
                if (ctx.capturedPackages > ScanContext.MAX_CAPTURED_PACKAGES) {
                    parsed = new LayerFacts.Captured(LayerFacts.Kind.UNREADABLE, null, "the package databases of "
                            + "the image list more than " + ScanContext.MAX_CAPTURED_PACKAGES + " packages");
                }
            }
            facts.files.put(path, parsed);
        } else if (kind == LayerFacts.Kind.LICENSE && size > 0 && ctx.licenseFiles++ < ScanContext.MAX_LICENSE_FILES) {
            facts.files.put(path, new LayerFacts.Captured(LayerFacts.Kind.LICENSE, null, null));
        }
        if (clamScan != null) {
            try {
                String virus = clamScan.finish();
                if (virus != null) {
                    ctx.flag(new Flagged(Check.MALWARE_CLAMD, true, layer.scanIndex(), shown,
                            "ClamAV found " + virus));
                }
            } catch (IOException ex) {
                clamdFailed(ex);
            }
        }
    }

    private void clamdFailed(IOException ex) {
        if (ctx.clamdFailure == null) {
            ctx.clamdFailure = "clamd at " + ctx.clamd.address() + " failed: " + ex.getMessage();
        }
    }

    private void matchSignatures(List<HashSignatures.Signature> sigs,
                                 Map<HashSignatures.Algorithm, MessageDigest> digests, String shown) {
        Map<HashSignatures.Algorithm, String> hex = new EnumMap<>(HashSignatures.Algorithm.class);
        digests.forEach((alg, md) -> hex.put(alg, HexFormat.of().formatHex(md.digest())));
        for (HashSignatures.Signature s : sigs) {
            if (s.hex().equals(hex.get(s.algorithm()))) {
                ctx.flag(new Flagged(Check.MALWARE_SIGNATURES, true, layer.scanIndex(), shown,
                        "matches signature " + s.name() + " (" + s.algorithm() + ", " + s.source() + ")"));
                return;
            }
        }
    }

    private static LayerFacts.Captured parse(LayerFacts.Kind kind, byte[] content) {
        String text = new String(content, kind == LayerFacts.Kind.DPKG || kind == LayerFacts.Kind.APK
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return switch (kind) {
            case PASSWD -> new LayerFacts.Captured(kind, UserSpec.parsePasswd(text), null);
            case OS_RELEASE -> new LayerFacts.Captured(kind, OsPackages.OsRelease.parse(text), null);
            case DPKG -> new LayerFacts.Captured(kind, OsPackages.parseDpkg(text, MAX_PACKAGES), null);
            case APK -> new LayerFacts.Captured(kind, OsPackages.parseApk(text, MAX_PACKAGES), null);
            default -> LayerFacts.Captured.OTHER;
        };
    }
}
