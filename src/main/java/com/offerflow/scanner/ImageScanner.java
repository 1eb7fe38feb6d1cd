package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageConfig;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;
import com.offerflow.image.Platform;
import com.offerflow.image.PlatformManifest;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;
import com.offerflow.scanner.report.ImageSummary;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The certification scanner: reads an image from any {@link ImageSource}, every layer once as a stream, and
 * returns a {@link CertificationReport}. Thread-safe; one instance serves concurrent scans (each scan uses the
 * calling thread and, with {@link ScanSettings#parallel()}, one helper thread).
 *
 * <p>A scan never throws for a bad image: every problem of the image becomes a finding. Only a failure to read the
 * source (the file vanished, the registry went away) is thrown as {@link IOException}, so the caller can retry.
 */
public class ImageScanner {

    private static final Logger log = LoggerFactory.getLogger(ImageScanner.class);

    private static final Map<String, List<String>> LABEL_ALIASES = Map.of(
            "name", List.of("name", "org.opencontainers.image.title"),
            "vendor", List.of("vendor", "org.opencontainers.image.vendor"),
            "version", List.of("version", "org.opencontainers.image.version"),
            "summary", List.of("summary", "org.opencontainers.image.description"),
            "description", List.of("description", "org.opencontainers.image.description"),
            "licenses", List.of("licenses", "license", "org.opencontainers.image.licenses"));

    private final ScanSettings settings;
    private final SecretDetector secrets;
    private volatile Cached<HashSignatures> signatures;
    private volatile Cached<OsvAdvisories> advisories;

    private record Cached<T>(String fingerprint, T value, String problem) {
    }

    public ImageScanner(ScanSettings settings) {
        this.settings = settings;
        this.secrets = new SecretDetector(settings.maxSecretScanFileSize());
        if (settings.advisoriesDir() == null) {
            log.info("no OSV advisories directory configured: the vulnerabilities check is off");
        }
    }

    public ScanSettings settings() {
        return settings;
    }

    /**
     * Scans an image.
     *
     * @param source   where to read the image from; not closed here
     * @param progress told how many compressed bytes were read, of how many
     * @throws IOException when the source cannot be read (retry later); never for a bad image
     */
    public CertificationReport scan(ImageSource source, ScanProgressListener progress) throws IOException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Findings findings = new Findings();
        Scan scan = new Scan(source, findings, progress == null ? ScanProgressListener.NONE : progress);
        try {
            scan.run();
        } catch (LayerStreams.SourceIOException e) {
            throw (IOException) e.getCause();
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("scan of {} failed unexpectedly", source.reference(), e);
            findings.error(Check.IMAGE_STRUCTURE, Evidence.of("the scanner failed unexpectedly ("
                    + e.getClass().getSimpleName() + "); the operators find the details in the log"));
        } finally {
            scan.close();
        }
        List<CheckResult> failed = findings.results(Findings.Status.FAILED);
        List<CheckResult> errors = findings.results(Findings.Status.ERROR);
        List<CheckResult> warnings = findings.results(Findings.Status.WARNING);
        List<CheckResult> passed = findings.results(Findings.Status.PASSED);
        CertificationReport report = new CertificationReport(
                CertificationReport.outcomeOf(failed, warnings, errors), scan.summary(), passed, failed, warnings,
                errors, scan.packages, scan.vulnerabilities, started,
                Duration.ofNanos(System.nanoTime() - t0).toMillis(), scan.progressTracker == null ? 0
                : scan.progressTracker.done());
        log.info("scanned {}: {} in {} ms ({} bytes)", source.reference(), report.outcome(), report.durationMillis(),
                report.bytesScanned());
        return report;
    }

    /** The state and steps of one scan. */
    private final class Scan implements AutoCloseable {
        private final ImageSource source;
        private final Findings findings;
        private final ScanProgressListener listener;
        private List<PlatformManifest> manifests = List.of();
        private final Map<Digest, ImageConfig> configs = new HashMap<>();
        private PlatformManifest primary;
        private final Map<Digest, LayerRef> layers = new LinkedHashMap<>();
        private final Map<Digest, LayerFacts> facts = new HashMap<>();
        private final Map<Digest, Digest> diffIds = new HashMap<>();
        private final Set<Digest> unreadLayers = new HashSet<>();
        private final Map<Digest, Long> uncompressed = new HashMap<>();
        private long compressedTotal;
        private LayerStreams.Progress progressTracker;
        private ExecutorService executor;
        private ScanContext ctx;
        private List<PackageInfo> packages = List.of();
        private List<Vulnerability> vulnerabilities = List.of();

        Scan(ImageSource source, Findings findings, ScanProgressListener listener) {
            this.source = source;
            this.findings = findings;
            this.listener = listener;
        }

        void run() throws IOException {
            findings.ran(Check.IMAGE_STRUCTURE);
            findings.ran(Check.BLOB_INTEGRITY);
            try {
                manifests = source.manifests();
            } catch (InvalidImageException e) {
                imageProblem(e, null);
                findings.fail(Check.IMAGE_STRUCTURE, Evidence.of("the other checks need a readable image and did "
                        + "not run"));
                return;
            }
            readConfigs();
            if (manifests.isEmpty()) {
                return;
            }
            primary = choosePrimary();
            checkPlatform();
            for (PlatformManifest pm : manifests) {
                int index = 0;
                for (Descriptor layer : pm.manifest().layers()) {
                    if (!layers.containsKey(layer.digest())) {
                        layers.put(layer.digest(), new LayerRef(layer, layers.size(), index));
                    }
                    index++;
                }
            }
            compressedTotal = blobsTotal();
            checkLayerCountAndSize();
            checkLabels();
            progressTracker = new LayerStreams.Progress(listener, layers.values().stream()
                    .mapToLong(l -> l.descriptor().size()).sum(), settings.progressInterval().toNanos());
            if (findings.has(Check.IMAGE_SIZE, Findings.Status.FAILED)) {
                for (Check c : List.of(Check.MALWARE_SIGNATURES, Check.SECRETS, Check.LAYER_DIFF_IDS)) {
                    findings.error(c, Evidence.of("not run: the image is larger than the limit, so its layers "
                            + "were not read"));
                }
                return;
            }
            scanLayers();
            progressTracker.finish();
            checkDiffIds();
            checkFinalFileSystems();
            reportFlagged();
        }

        private void imageProblem(InvalidImageException e, String context) {
            String detail = (context == null ? "" : context + ": ") + e.getMessage() + " [" + e.code() + "]";
            if (e.code().equals("digest-mismatch") || e.code().equals("size-mismatch")
                    || e.code().equals("missing-blob")) {
                findings.fail(Check.BLOB_INTEGRITY, Evidence.of(detail));
            } else {
                findings.fail(Check.IMAGE_STRUCTURE, Evidence.of(detail));
            }
        }

        private void readConfigs() throws IOException {
            List<PlatformManifest> usable = new ArrayList<>();
            for (PlatformManifest pm : manifests) {
                try {
                    ImageConfig config = source.config(pm.manifest().config());
                    configs.put(pm.descriptor().digest(), config);
                    usable.add(pm);
                } catch (InvalidImageException e) {
                    imageProblem(e, "config of manifest " + pm.descriptor().digest().shortForm());
                }
            }
            if (usable.isEmpty()) {
                findings.fail(Check.IMAGE_STRUCTURE, Evidence.of("no manifest has a readable config; "
                        + "the other checks did not run"));
            }
            manifests = usable;
        }

        private Platform platformOf(PlatformManifest pm) {
            if (pm.platform() != null && pm.platform().os() != null) {
                return pm.platform();
            }
            ImageConfig c = configs.get(pm.descriptor().digest());
            return c == null ? null : c.platform();
        }

        private PlatformManifest choosePrimary() {
            Platform required = Platform.parse(settings.requiredPlatform());
            for (PlatformManifest pm : manifests) {
                if (required.matches(platformOf(pm))) {
                    return pm;
                }
            }
            return manifests.isEmpty() ? null : manifests.get(0);
        }

        private void checkPlatform() {
            findings.ran(Check.PLATFORM);
            Platform required = Platform.parse(settings.requiredPlatform());
            boolean found = manifests.stream().anyMatch(pm -> required.matches(platformOf(pm)));
            List<String> platforms = manifests.stream().map(pm -> String.valueOf(platformOf(pm))).toList();
            if (found) {
                findings.passed(Check.PLATFORM, Evidence.of("provides " + String.join(", ", platforms)));
            } else if (!manifests.isEmpty()) {
                findings.fail(Check.PLATFORM, Evidence.of("the image provides " + String.join(", ", platforms)
                        + " but not " + settings.requiredPlatform()));
            }
        }

        private long blobsTotal() {
            long total = 0;
            Set<Digest> seen = new HashSet<>();
            for (PlatformManifest pm : manifests) {
                if (seen.add(pm.descriptor().digest())) {
                    total += pm.descriptor().size();
                }
                if (seen.add(pm.manifest().config().digest())) {
                    total += pm.manifest().config().size();
                }
            }
            for (LayerRef l : layers.values()) {
                if (seen.add(l.descriptor().digest())) {
                    total += l.descriptor().size();
                }
            }
            return total;
        }

        private void checkLayerCountAndSize() {
            if (manifests.isEmpty()) {
                return;
            }
            findings.ran(Check.LAYER_COUNT);
            for (PlatformManifest pm : manifests) {
                int count = pm.manifest().layers().size();
                if (count > settings.maxLayers()) {
                    findings.fail(Check.LAYER_COUNT, Evidence.of(platformOf(pm) + ": " + count + " layers, more than "
                            + settings.maxLayers()));
                }
            }
            findings.ran(Check.IMAGE_SIZE);
            if (compressedTotal > settings.maxImageBytes()) {
                findings.fail(Check.IMAGE_SIZE, Evidence.of("the image's blobs are " + compressedTotal
                        + " bytes compressed, more than the limit of " + settings.maxImageBytes()));
            }
        }

        private void checkLabels() {
            if (manifests.isEmpty()) {
                return;
            }
            findings.ran(Check.REQUIRED_LABELS);
            for (PlatformManifest pm : manifests) {
                Map<String, String> all = new HashMap<>(pm.descriptor().annotations());
                all.putAll(pm.manifest().annotations());
                all.putAll(configs.get(pm.descriptor().digest()).config().labels());
                List<String> missing = new ArrayList<>();
                for (String label : settings.requiredLabels()) {
                    List<String> names = LABEL_ALIASES.getOrDefault(label,
                            List.of(label, "org.opencontainers.image." + label));
                    boolean present = names.stream().anyMatch(n -> all.get(n) != null && !all.get(n).isBlank());
                    if (!present) {
                        missing.add(label);
                    }
                }
                if (!missing.isEmpty()) {
                    findings.fail(Check.REQUIRED_LABELS, Evidence.of(platformOf(pm) + ": missing "
                            + String.join(", ", missing)));
                }
            }
        }

        private void scanLayers() throws IOException {
            HashSignatures sigs = signatures();
            Set<String> workDirs = new HashSet<>();
            for (ImageConfig c : configs.values()) {
                String wd = c.config().workingDir();
                if (wd != null && !wd.isBlank()) {
                    workDirs.add(LayerInspector.PathInfo.of(wd).normalized());
                }
            }
            ClamdClient clamd = null;
            if (settings.clamd() != null) {
                clamd = new ClamdClient(settings.clamd());
                findings.ran(Check.MALWARE_CLAMD);
                try {
                    clamd.ping();
                } catch (IOException e) {
                    findings.error(Check.MALWARE_CLAMD, Evidence.of("clamd at " + clamd.address()
                            + " does not answer: " + e.getMessage()));
                    clamd = null;
                }
            }
            ctx = new ScanContext(settings, findings, sigs, secrets, clamd, workDirs);
            for (Check c : List.of(Check.LAYER_FORMAT, Check.LAYER_LIMITS, Check.SAFE_PATHS,
                    Check.MALWARE_SIGNATURES, Check.SECRETS)) {
                findings.ran(c);
            }
            if (!sigs.problems().isEmpty()) {
                sigs.problems().forEach(p -> findings.error(Check.MALWARE_SIGNATURES, Evidence.of(p)));
            }
            if (settings.parallel()) {
                executor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "image-scan-layer");
                    t.setDaemon(true);
                    return t;
                });
            }
            for (LayerRef layer : layers.values()) {
                LayerFacts lf = new LayerFacts();
                facts.put(layer.descriptor().digest(), lf);
                scanLayer(layer, lf);
            }
            if (ctx.clamdFailure != null) {
                findings.error(Check.MALWARE_CLAMD, Evidence.of(ctx.clamdFailure
                        + "; files after this point were not sent to clamd"));
            }
        }

        private void scanLayer(LayerRef layer, LayerFacts lf) throws IOException {
            Descriptor d = layer.descriptor();
            InputStream raw;
            try {
                raw = source.openBlob(d);
            } catch (InvalidImageException e) {
                findings.fail(Check.BLOB_INTEGRITY, layer.evidence(null, "layer blob missing: " + e.getMessage()));
                unreadLayers.add(d.digest());
                return;
            }
            LayerStreams.ZstdStream zstd = null;
            try (LayerStreams.SourceStream src = new LayerStreams.SourceStream(raw, d.size(), progressTracker)) {
                String formatProblem = null;
                InputStream decompressed;
                LayerStreams.GzipStream gzip = null;
                String format = "gzip";
                if (MediaTypes.isGzipLayer(d.mediaType())) {
                    gzip = openGzip(src);
                    decompressed = gzip;
                    if (decompressed == null) {
                        formatProblem = "not gzip data although the media type says gzip";
                        decompressed = InputStream.nullInputStream();
                    }
                } else if (MediaTypes.isZstdLayer(d.mediaType())) {
                    format = "zstd";
                    decompressed = zstd = new LayerStreams.ZstdStream(src);
                } else if (MediaTypes.isUncompressedLayer(d.mediaType())) {
                    decompressed = src;
                } else {
                    formatProblem = "unsupported layer media type '" + d.mediaType() + "'";
                    decompressed = InputStream.nullInputStream();
                }
                LayerStreams.GuardStream guard = new LayerStreams.GuardStream(decompressed, format);
                LayerStreams.LimitStream limit = new LayerStreams.LimitStream(guard, src, ctx.uncompressedTotal,
                        settings);
                LayerInspector inspector = new LayerInspector(ctx, layer, lf,
                        () -> limit.problem() != null || guard.problem() != null);
                LayerPipeline.Result result = LayerPipeline.run(limit, src, inspector, executor,
                        settings.parallel());
                String limitProblem = limit.problem() != null ? limit.problem() : inspector.limitProblem();
                if (formatProblem == null) {
                    formatProblem = guard.problem();
                }
                if (formatProblem == null && inspector.tarProblem() != null) {
                    formatProblem = inspector.tarProblem();
                }
                if (limit.problem() == null) {
                    src.drain();
                }
                uncompressed.put(d.digest(), result.uncompressedBytes());
                if (formatProblem != null) {
                    findings.fail(Check.LAYER_FORMAT, layer.evidence(null, formatProblem));
                } else if (limit.problem() == null && gzip != null && gzip.dataAfterEnd()) {
                    // the layer itself was read whole (its diff_id is checked), but it cannot be pulled
                    findings.fail(Check.LAYER_FORMAT, layer.evidence(null, "data follows the end of the gzip"
                            + " stream: container runtimes refuse to extract the layer ('gzip: invalid header')"));
                }
                if (limitProblem != null) {
                    findings.fail(Check.LAYER_LIMITS, layer.evidence(null, limitProblem));
                }
                verifyLayerBlob(layer, src);
                if (formatProblem == null && limitProblem == null) {
                    diffIds.put(d.digest(), result.diffId());
                } else {
                    unreadLayers.add(d.digest());
                }
            } finally {
                if (zstd != null) {
                    zstd.close();
                }
            }
        }

        private LayerStreams.GzipStream openGzip(LayerStreams.SourceStream src) throws IOException {
            try {
                return new LayerStreams.GzipStream(src);
            } catch (LayerStreams.SourceIOException e) {
                throw e;
            } catch (IOException e) {
                return null;
            }
        }

        private void verifyLayerBlob(LayerRef layer, LayerStreams.SourceStream src) {
            Descriptor d = layer.descriptor();
            if (!src.complete()) {
                findings.error(Check.BLOB_INTEGRITY, layer.evidence(null,
                        "not verified: reading stopped at a limit before the end of the blob"));
                return;
            }
            if (src.tooLong()) {
                findings.fail(Check.BLOB_INTEGRITY, layer.evidence(null, "the blob is longer than the "
                        + d.size() + " bytes its descriptor states"));
                return;
            }
            if (src.count() != d.size()) {
                findings.fail(Check.BLOB_INTEGRITY, layer.evidence(null, "the blob has " + src.count()
                        + " bytes but its descriptor states " + d.size()));
                return;
            }
            Digest actual = Digest.fromBytes(src.digest());
            if (!actual.equals(d.digest())) {
                findings.fail(Check.BLOB_INTEGRITY, layer.evidence(null, "the blob's sha256 is " + actual
                        + ", not the digest its descriptor states"));
            }
        }

        private void checkDiffIds() {
            findings.ran(Check.LAYER_DIFF_IDS);
            for (PlatformManifest pm : manifests) {
                ImageConfig config = configs.get(pm.descriptor().digest());
                List<Digest> expected = config.rootfs().diffIds();
                List<Descriptor> ls = pm.manifest().layers();
                if (expected.size() != ls.size()) {
                    findings.fail(Check.LAYER_DIFF_IDS, Evidence.of(platformOf(pm) + ": the config lists "
                            + expected.size() + " diff_ids for " + ls.size() + " layers"));
                }
                for (int i = 0; i < Math.min(expected.size(), ls.size()); i++) {
                    Digest layer = ls.get(i).digest();
                    Digest actual = diffIds.get(layer);
                    LayerRef ref = layers.get(layer);
                    if (actual == null) {
                        findings.error(Check.LAYER_DIFF_IDS, ref.evidence(null,
                                "not verified: the layer could not be read completely"));
                    } else if (!actual.equals(expected.get(i))) {
                        findings.fail(Check.LAYER_DIFF_IDS, ref.evidence(null, "uncompressed sha256 is " + actual
                                + " but the config's diff_id is " + expected.get(i)));
                    }
                }
            }
        }

        private List<LayerFacts> factsOf(PlatformManifest pm) {
            List<LayerFacts> list = new ArrayList<>();
            for (Descriptor d : pm.manifest().layers()) {
                LayerFacts lf = facts.get(d.digest());
                list.add(lf == null ? new LayerFacts() : lf);
            }
            return list;
        }

        private void checkFinalFileSystems() {
            findings.ran(Check.NON_ROOT_USER);
            findings.ran(Check.LICENSE_FILE);
            findings.ran(Check.OS_PACKAGES);
            Map<String, PackageInfo> inventory = new LinkedHashMap<>();
            for (PlatformManifest pm : primaryFirst()) {
                List<LayerFacts> fs = factsOf(pm);
                ImageConfig config = configs.get(pm.descriptor().digest());
                String prefix = manifests.size() > 1 ? platformOf(pm) + ": " : "";
                checkUser(config, fs, prefix);
                checkLicense(fs, prefix);
                for (PackageInfo p : packagesOf(fs, prefix)) {
                    inventory.putIfAbsent(p.ecosystem() + "/" + p.name() + "/" + p.version(), p);
                }
            }
            packages = new ArrayList<>(inventory.values());
            if (!findings.has(Check.OS_PACKAGES, Findings.Status.WARNING)) {
                findings.passed(Check.OS_PACKAGES, Evidence.of(packages.isEmpty()
                        ? "no dpkg or apk package database found: there are no OS packages to check"
                        : packages.size() + " OS packages found"));
            }
            checkVulnerabilities();
        }

        private List<PlatformManifest> primaryFirst() {
            List<PlatformManifest> list = new ArrayList<>(manifests);
            if (primary != null) {
                list.remove(primary);
                list.add(0, primary);
            }
            return list;
        }

        @SuppressWarnings("unchecked")
        private void checkUser(ImageConfig config, List<LayerFacts> fs, String prefix) {
            UserSpec user = UserSpec.parse(config.config().user());
            if (user == null) {
                findings.fail(Check.NON_ROOT_USER, Evidence.of(prefix
                        + "the config sets no User, so the container runs as root"));
                return;
            }
            LayerFacts.Captured passwd = LayerFacts.resolve(fs, "etc/passwd");
            Map<String, Long> users = passwd != null && passwd.kind() == LayerFacts.Kind.PASSWD
                    ? (Map<String, Long>) passwd.value() : null;
            UserSpec.Verdict verdict = user.judge(users);
            if (verdict.ok()) {
                findings.passed(Check.NON_ROOT_USER, Evidence.of(prefix + verdict.detail()));
            } else {
                findings.fail(Check.NON_ROOT_USER, Evidence.path(users != null && !user.numeric() ? "etc/passwd"
                        : null, prefix + verdict.detail()));
            }
        }

        private void checkLicense(List<LayerFacts> fs, String prefix) {
            Set<String> candidates = new TreeSet<>();
            for (LayerFacts l : fs) {
                l.files.forEach((path, c) -> {
                    if (c.kind() == LayerFacts.Kind.LICENSE) {
                        candidates.add(path);
                    }
                });
            }
            for (String path : candidates) {
                LayerFacts.Captured c = LayerFacts.resolve(fs, path);
                if (c != null && c.kind() == LayerFacts.Kind.LICENSE) {
                    findings.passed(Check.LICENSE_FILE, Evidence.path(path, prefix + "license file found"));
                    return;
                }
            }
            findings.fail(Check.LICENSE_FILE, Evidence.of(prefix + (candidates.isEmpty()
                    ? "no file in /licenses, /usr/share/licenses, nor a LICENSE or COPYING file at the root or "
                    + "in the working directory"
                    : "the license files were deleted by a later layer")));
        }

        private List<PackageInfo> packagesOf(List<LayerFacts> fs, String prefix) {
            OsPackages.OsRelease release = null;
            for (String p : List.of("etc/os-release", "usr/lib/os-release")) {
                LayerFacts.Captured c = LayerFacts.resolve(fs, p);
                if (c != null && c.kind() == LayerFacts.Kind.OS_RELEASE) {
                    release = (OsPackages.OsRelease) c.value();
                    break;
                }
            }
            Set<String> dbPaths = new TreeSet<>();
            for (LayerFacts l : fs) {
                l.files.forEach((path, c) -> {
                    if (c.kind() == LayerFacts.Kind.DPKG || c.kind() == LayerFacts.Kind.APK
                            || c.kind() == LayerFacts.Kind.UNREADABLE) {
                        dbPaths.add(path);
                    }
                });
            }
            List<PackageInfo> out = new ArrayList<>();
            for (String path : dbPaths) {
                LayerFacts.Captured c = LayerFacts.resolve(fs, path);
                if (c == null) {
                    continue;
                }
                if (c.kind() == LayerFacts.Kind.UNREADABLE) {
                    findings.warn(Check.OS_PACKAGES, Evidence.path(path, prefix + c.problem()));
                    continue;
                }
                if (c.kind() != LayerFacts.Kind.DPKG && c.kind() != LayerFacts.Kind.APK) {
                    continue;
                }
                for (PackageInfo p : c.packages()) {
                    String rel = release == null ? null : release.osvRelease(p.ecosystem());
                    out.add(new PackageInfo(p.name(), p.version(), p.ecosystem(), rel, p.source(),
                            p.sourceVersion()));
                }
            }
            return out;
        }

        private void checkVulnerabilities() {
            if (settings.advisoriesDir() == null) {
                return;
            }
            findings.ran(Check.VULNERABILITIES);
            OsvAdvisories db = advisories();
            if (db == null) {
                findings.error(Check.VULNERABILITIES, Evidence.of(advisories.problem()));
                return;
            }
            Map<String, Vulnerability> found = new LinkedHashMap<>();
            for (PackageInfo p : packages) {
                for (Vulnerability v : db.match(p)) {
                    found.putIfAbsent(v.id() + "/" + v.packageName(), v);
                }
            }
            vulnerabilities = new ArrayList<>(found.values());
            vulnerabilities.sort((a, b) -> Double.compare(score(b), score(a)));
            for (Vulnerability v : vulnerabilities) {
                boolean blocking = v.cvssScore() != null ? v.cvssScore() >= settings.blockingCvssScore()
                        : v.severity().equals("HIGH") || v.severity().equals("CRITICAL");
                String detail = v.id() + " in " + v.packageName() + " " + v.installedVersion()
                        + (v.fixedVersion() != null ? " (fixed in " + v.fixedVersion() + ")" : " (no fix known)")
                        + (v.cvssScore() != null ? ", CVSS " + v.cvssScore() : "") + ", " + v.severity();
                if (blocking) {
                    findings.fail(Check.VULNERABILITIES, Evidence.of(detail));
                } else {
                    findings.warn(Check.VULNERABILITIES, Evidence.of(detail));
                }
            }
            if (vulnerabilities.isEmpty()) {
                findings.passed(Check.VULNERABILITIES, Evidence.of(packages.size() + " packages checked against "
                        + db.advisoryCount() + " advisories"));
            }
        }

        private static double score(Vulnerability v) {
            if (v.cvssScore() != null) {
                return v.cvssScore();
            }
            return switch (v.severity()) {
                case "CRITICAL" -> 9.0;
                case "HIGH" -> 7.0;
                case "MEDIUM" -> 4.0;
                case "LOW" -> 0.1;
                default -> 5.0;
            };
        }

        /** Turns malware and secret findings into evidence that says whether a later layer deleted the file. */
        private void reportFlagged() {
            if (ctx == null) {
                return;
            }
            List<LayerRef> byScanIndex = new ArrayList<>(layers.values());
            for (Flagged f : ctx.flagged) {
                LayerRef layer = byScanIndex.get(f.layerScanIndex());
                String note = deletedLater(layer, f.path());
                Evidence e = layer.evidence(f.path(), f.detail() + (note == null ? "" : "; " + note));
                if (f.blocking()) {
                    findings.fail(f.check(), e);
                } else {
                    findings.warn(f.check(), e);
                }
            }
            if (ctx.flaggedDropped > 0) {
                findings.fail(Check.SECRETS, Evidence.of("and " + ctx.flaggedDropped + " more findings of malware "
                        + "or secrets (not listed)"));
            }
        }

        /** "deleted by layer N but still shipped in layer M" when a later layer of some manifest deletes it. */
        private String deletedLater(LayerRef layer, String path) {
            for (PlatformManifest pm : primaryFirst()) {
                List<Descriptor> ls = pm.manifest().layers();
                int at = -1;
                for (int i = 0; i < ls.size(); i++) {
                    if (ls.get(i).digest().equals(layer.descriptor().digest())) {
                        at = i;
                        break;
                    }
                }
                if (at < 0) {
                    continue;
                }
                for (int j = at + 1; j < ls.size(); j++) {
                    LayerFacts later = facts.get(ls.get(j).digest());
                    if (later == null) {
                        continue;
                    }
                    if (later.deletes(path)) {
                        return "deleted by layer " + (j + 1) + " (whiteout), but still shipped in layer " + (at + 1)
                                + " and readable by anyone who pulls the image";
                    }
                    if (later.replaced.contains(path)) {
                        return "replaced by layer " + (j + 1) + ", but the original is still shipped in layer "
                                + (at + 1);
                    }
                }
            }
            return null;
        }

        ImageSummary summary() {
            if (primary == null) {
                return new ImageSummary(source.reference(), null, List.of(), tags(), 0, compressedTotal, 0, null,
                        Map.of());
            }
            ImageConfig config = configs.get(primary.descriptor().digest());
            Set<String> tags = new LinkedHashSet<>();
            manifests.forEach(pm -> tags.addAll(pm.tags()));
            long uncompressedTotal = uncompressed.values().stream().mapToLong(Long::longValue).sum();
            return new ImageSummary(source.reference(), primary.descriptor().digest().toString(),
                    manifests.stream().map(pm -> String.valueOf(platformOf(pm))).toList(), List.copyOf(tags),
                    primary.manifest().layers().size(), compressedTotal, uncompressedTotal,
                    config == null ? null : config.config().user(),
                    config == null ? Map.of() : new TreeMap<>(config.config().labels()));
        }

        private List<String> tags() {
            try {
                return source.tags();
            } catch (IOException | InvalidImageException | RuntimeException e) {
                return List.of();
            }
        }

        @Override
        public void close() {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    private HashSignatures signatures() {
        String fp = fingerprint(settings.signatureFiles());
        Cached<HashSignatures> c = signatures;
        if (c == null || !c.fingerprint().equals(fp)) {
            c = new Cached<>(fp, HashSignatures.load(settings.signatureFiles()), null);
            signatures = c;
        }
        return c.value();
    }

    private OsvAdvisories advisories() {
        Path dir = settings.advisoriesDir();
        String fp;
        try {
            if (!Files.isDirectory(dir)) {
                advisories = new Cached<>("", null, "the advisories directory " + dir + " does not exist");
                return null;
            }
            try (Stream<Path> s = Files.walk(dir, 8)) {
                fp = fingerprint(s.filter(p -> p.getFileName().toString().endsWith(".json")).toList());
            }
            Cached<OsvAdvisories> c = advisories;
            if (c == null || c.value() == null || !c.fingerprint().equals(fp)) {
                c = new Cached<>(fp, OsvAdvisories.load(dir), null);
                advisories = c;
            }
            return c.value();
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read advisories from {}", dir, e);
            advisories = new Cached<>("", null, "the advisories in " + dir + " cannot be read: " + e.getMessage());
            return null;
        }
    }

    private static String fingerprint(List<Path> files) {
        StringBuilder b = new StringBuilder();
        long count = 0;
        long sizes = 0;
        long newest = 0;
        for (Path p : files) {
            count++;
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
        return b.append(count).append('/').append(sizes).append('/').append(newest).toString();
    }
}
