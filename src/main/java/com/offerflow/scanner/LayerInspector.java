package com.offerflow.scanner;

import com.offerflow.scanner.facts.FlaggedFile;
import com.offerflow.scanner.facts.LayerId;
import com.offerflow.scanner.facts.PathIssue;
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
 * Reads the tar stream of one layer, entry by entry, reading each entry's bytes once, and collects what the content
 * checks judge: suspicious paths, whiteouts, files matching hash signatures (only files whose size a signature
 * names are hashed), secrets (only candidate files are buffered and searched), what clamd finds, and the files the
 * final file systems need (passwd, os-release, package databases, license files). Nothing is written to disk.
 */
final class LayerInspector implements LayerPipeline.TarConsumer {

    private static final long MAX_SMALL_CAPTURE = 256 * 1024;
    // one more than the image may list, so that a longer list is seen as too long
    private static final int MAX_PACKAGES = ScanContext.MAX_CAPTURED_PACKAGES + 1;

    private final ScanContext ctx;
    private final LayerRef layer;
    private final LayerId layerId;
    private final LayerFiles files;
    private final byte[] buf = new byte[64 * 1024];
    private final java.util.function.BooleanSupplier streamStopped;
    private String tarProblem;
    private String limitProblem;
    private long entryCount;

    /**
     * @param streamStopped tells whether the uncompressed stream was cut short (a limit or a gzip error), so that
     *                      a tar error caused by the cut is not reported as a second problem
     */
    LayerInspector(ScanContext ctx, LayerRef layer, LayerFiles files,
                   java.util.function.BooleanSupplier streamStopped) {
        this.ctx = ctx;
        this.layer = layer;
        this.layerId = layer.id();
        this.files = files;
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
            ctx.pathIssue(layerId, PathIssue.Kind.ABSOLUTE, raw, null);
        }
        if (info.traversal) {
            ctx.pathIssue(layerId, PathIssue.Kind.TRAVERSAL, raw, null);
        }
        String path = info.traversal ? null : info.normalized;
        String shown = path != null ? path : raw;
        if (path != null) {
            if (!ctx.symlinks.isEmpty()) {
                checkThroughSymlink(path);
            }
            if (!ctx.flaggedPaths.isEmpty() && ctx.flaggedPaths.contains(path)) {
                files.replaced.add(path);
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
                ctx.pathIssue(layerId, PathIssue.Kind.HARD_LINK_OUTSIDE, shown, e.getLinkName());
            }
            markOther(path);
            skipData(tar);
            return;
        }
        if (e.isCharacterDevice() || e.isBlockDevice()) {
            ctx.pathIssue(layerId, PathIssue.Kind.DEVICE_NODE, shown, e.isCharacterDevice() ? "character" : "block");
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
                    ctx.pathIssue(layerId, PathIssue.Kind.TOO_MANY_WHITEOUTS, shown,
                            String.valueOf(ScanContext.MAX_WHITEOUTS));
                }
            } else if (name.equals(".wh..wh..opq")) {
                files.opaqueDirs.add(parent);
            } else if (!name.startsWith(".wh..wh.")) {
                files.whiteouts.add((parent.isEmpty() ? "" : parent + "/") + name.substring(4));
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
            files.files.put(path, LayerFiles.Captured.OTHER);
        }
    }

    private void checkThroughSymlink(String path) {
        int slash = path.indexOf('/');
        while (slash > 0) {
            Integer linkLayer = ctx.symlinks.get(path.substring(0, slash));
            if (linkLayer != null) {
                String link = path.substring(0, slash);
                ctx.pathIssue(layerId, linkLayer == layer.scanIndex() ? PathIssue.Kind.THROUGH_OWN_SYMLINK
                        : PathIssue.Kind.THROUGH_EARLIER_SYMLINK, path, link);
                return;
            }
            slash = path.indexOf('/', slash + 1);
        }
    }

    private LayerFiles.Kind captureKind(String path) {
        switch (path) {
            case "etc/passwd":
                return LayerFiles.Kind.PASSWD;
            case "etc/os-release":
            case "usr/lib/os-release":
                return LayerFiles.Kind.OS_RELEASE;
            case "var/lib/dpkg/status":
                return LayerFiles.Kind.DPKG;
            case "lib/apk/db/installed":
                return LayerFiles.Kind.APK;
            default:
                break;
        }
        if (path.startsWith("var/lib/dpkg/status.d/") && path.indexOf('/', 22) < 0 && path.length() > 22
                && !path.endsWith(".md5sums")) {
            return LayerFiles.Kind.DPKG;
        }
        if (isLicensePath(path)) {
            return LayerFiles.Kind.LICENSE;
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
        LayerFiles.Kind kind = path == null ? null : captureKind(path);
        long captureLimit = kind == LayerFiles.Kind.DPKG || kind == LayerFiles.Kind.APK
                ? ctx.settings.maxPackageDatabaseBytes() : MAX_SMALL_CAPTURE;
        boolean capture = kind != null && kind != LayerFiles.Kind.LICENSE;
        if (capture && size > captureLimit) {
            files.files.put(path, new LayerFiles.Captured(LayerFiles.Kind.UNREADABLE, null,
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
                ctx.flag(new Flagged(FlaggedFile.Kind.SECRET, layer.scanIndex(), shown,
                        hit.kind() + " (" + hit.sample() + ")"));
            }
        }
        if (capture) {
            LayerFiles.Captured parsed = parse(kind, content);
            if (kind == LayerFiles.Kind.DPKG || kind == LayerFiles.Kind.APK) {
                ctx.capturedPackages += parsed.packages().size();
                if (ctx.capturedPackages > ScanContext.MAX_CAPTURED_PACKAGES) {
                    parsed = new LayerFiles.Captured(LayerFiles.Kind.UNREADABLE, null, "the package databases of "
                            + "the image list more than " + ScanContext.MAX_CAPTURED_PACKAGES + " packages");
                }
            }
            files.files.put(path, parsed);
        } else if (kind == LayerFiles.Kind.LICENSE && size > 0 && ctx.licenseFiles++ < ScanContext.MAX_LICENSE_FILES) {
            files.files.put(path, new LayerFiles.Captured(LayerFiles.Kind.LICENSE, null, null));
        }
        if (clamScan != null) {
            try {
                String virus = clamScan.finish();
                if (virus != null) {
                    ctx.flag(new Flagged(FlaggedFile.Kind.CLAMD, layer.scanIndex(), shown,
                            "ClamAV found " + virus));
                }
            } catch (IOException ex) {
                clamdFailed(ex);
            }
        }
    }

    private void clamdFailed(IOException ex) {
        if (ctx.clamdFailure == null) {
            ctx.clamdFailure = String.valueOf(ex.getMessage());
        }
    }

    private void matchSignatures(List<HashSignatures.Signature> sigs,
                                 Map<HashSignatures.Algorithm, MessageDigest> digests, String shown) {
        Map<HashSignatures.Algorithm, String> hex = new EnumMap<>(HashSignatures.Algorithm.class);
        digests.forEach((alg, md) -> hex.put(alg, HexFormat.of().formatHex(md.digest())));
        for (HashSignatures.Signature s : sigs) {
            if (s.hex().equals(hex.get(s.algorithm()))) {
                ctx.flag(new Flagged(FlaggedFile.Kind.MALWARE_SIGNATURE, layer.scanIndex(), shown,
                        "matches signature " + s.name() + " (" + s.algorithm() + ", " + s.source() + ")"));
                return;
            }
        }
    }

    private static LayerFiles.Captured parse(LayerFiles.Kind kind, byte[] content) {
        String text = new String(content, kind == LayerFiles.Kind.DPKG || kind == LayerFiles.Kind.APK
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        return switch (kind) {
            case PASSWD -> new LayerFiles.Captured(kind, Passwd.parse(text), null);
            case OS_RELEASE -> new LayerFiles.Captured(kind, OsPackages.OsRelease.parse(text), null);
            case DPKG -> new LayerFiles.Captured(kind, OsPackages.parseDpkg(text, MAX_PACKAGES), null);
            case APK -> new LayerFiles.Captured(kind, OsPackages.parseApk(text, MAX_PACKAGES), null);
            default -> LayerFiles.Captured.OTHER;
        };
    }
}
