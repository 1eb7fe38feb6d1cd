package com.offerflow.scanner;

import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.scanner.checks.BlobIntegrityCheck;
import com.offerflow.scanner.checks.ImageCheck;
import com.offerflow.scanner.checks.ImageSizeCheck;
import com.offerflow.scanner.checks.ImageStructureCheck;
import com.offerflow.scanner.checks.LayerCountCheck;
import com.offerflow.scanner.checks.LayerDiffIdsCheck;
import com.offerflow.scanner.checks.LayerFormatCheck;
import com.offerflow.scanner.checks.LayerLimitsCheck;
import com.offerflow.scanner.checks.LicenseFileCheck;
import com.offerflow.scanner.checks.MalwareClamdCheck;
import com.offerflow.scanner.checks.MalwareSignaturesCheck;
import com.offerflow.scanner.checks.NonRootUserCheck;
import com.offerflow.scanner.checks.OsPackagesCheck;
import com.offerflow.scanner.checks.PlatformCheck;
import com.offerflow.scanner.checks.RequiredLabelsCheck;
import com.offerflow.scanner.checks.SafePathsCheck;
import com.offerflow.scanner.checks.SecretsCheck;
import com.offerflow.scanner.checks.Verdict;
import com.offerflow.scanner.checks.VulnerabilitiesCheck;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.KnownVulnerabilities;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.ImageSummary;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The certification scanner: reads an image from any {@link ImageSource}, every layer once as a stream (the
 * {@link ImagePass} collects the facts), lets each {@link ImageCheck} judge the facts, and returns a
 * {@link CertificationReport}. Thread-safe; one instance serves concurrent scans (each scan uses the calling thread
 * and, with {@link ScanSettings#parallel()}, one helper thread).
 *
 * <p>A scan never throws for a bad image: every problem of the image becomes a finding. Only a failure to read the
 * source (the file vanished, the registry went away) is thrown as {@link IOException}, so the caller can retry.
 */
public class ImageScanner {

    private static final Logger log = LoggerFactory.getLogger(ImageScanner.class);

    private final ScanSettings settings;
    private final SecretDetector secrets;
    private final List<ImageCheck> checks;
    private volatile Cached<HashSignatures> signatures;
    private volatile Cached<OsvAdvisories> advisories;

    private record Cached<T>(String fingerprint, T value, String problem) {
    }

    public ImageScanner(ScanSettings settings) {
        this.settings = settings;
        this.secrets = new SecretDetector(settings.maxSecretScanFileSize());
        this.checks = checks(settings);
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
        ImageFacts facts;
        long bytesScanned;
        try (ImagePass pass = new ImagePass(source, settings, signatures(), secrets,
                progress == null ? ScanProgressListener.NONE : progress)) {
            String failure = null;
            try {
                pass.run();
            } catch (LayerStreams.SourceIOException e) {
                throw (IOException) e.getCause();
            } catch (RuntimeException e) {
                log.error("scan of {} failed unexpectedly", source.reference(), e);
                failure = e.getClass().getSimpleName();
            }
            facts = pass.facts(failure);
            bytesScanned = pass.bytesScanned();
        }
        if (facts.layersRead() && settings.advisoriesDir() != null) {
            facts = facts.withVulnerabilities(vulnerabilities(facts.packages()));
        }
        Map<Verdict.Status, List<CheckResult>> results = new EnumMap<>(Verdict.Status.class);
        for (Verdict.Status status : Verdict.Status.values()) {
            results.put(status, new ArrayList<>());
        }
        for (ImageCheck check : checks) {
            Optional<Verdict> verdict = check.evaluate(facts);
            verdict.ifPresent(v -> results.get(v.status()).add(v.result()));
        }
        List<CheckResult> failed = results.get(Verdict.Status.FAILED);
        List<CheckResult> errors = results.get(Verdict.Status.ERROR);
        List<CheckResult> warnings = results.get(Verdict.Status.WARNING);
        CertificationReport report = new CertificationReport(CertificationReport.outcomeOf(failed, warnings, errors),
                summary(facts, source), results.get(Verdict.Status.PASSED), failed, warnings, errors,
                facts.packages(), facts.vulnerabilities() == null ? List.of() : facts.vulnerabilities().found(),
                started, Duration.ofNanos(System.nanoTime() - t0).toMillis(), bytesScanned);
        log.info("scanned {}: {} in {} ms ({} bytes)", source.reference(), report.outcome(), report.durationMillis(),
                report.bytesScanned());
        return report;
    }

    /** The checks, in the order the report lists them. */
    private static List<ImageCheck> checks(ScanSettings settings) {
        List<ImageCheck> checks = new ArrayList<>(List.of(new ImageStructureCheck(), new BlobIntegrityCheck(),
                new LayerDiffIdsCheck(), new LayerFormatCheck(), new LayerLimitsCheck(), new SafePathsCheck(),
                new PlatformCheck(settings.requiredPlatform()), new LayerCountCheck(settings.maxLayers()),
                new ImageSizeCheck(settings.maxImageBytes()), new NonRootUserCheck(),
                new RequiredLabelsCheck(settings.requiredLabels()), new LicenseFileCheck(),
                new MalwareSignaturesCheck(), new MalwareClamdCheck(), new SecretsCheck(), new OsPackagesCheck(),
                new VulnerabilitiesCheck(settings.blockingCvssScore())));
        checks.sort(Comparator.comparing(ImageCheck::check));
        return List.copyOf(checks);
    }

    private static ImageSummary summary(ImageFacts facts, ImageSource source) {
        ManifestFacts primary = facts.primary();
        if (primary == null) {
            return new ImageSummary(source.reference(), null, List.of(), tags(source), 0, facts.compressedSize(), 0,
                    null, Map.of());
        }
        Set<String> tags = new LinkedHashSet<>();
        facts.manifests().forEach(m -> tags.addAll(m.tags()));
        long uncompressed = facts.layersRead()
                ? facts.layers().values().stream().mapToLong(LayerFacts::uncompressedSize).sum() : 0;
        return new ImageSummary(source.reference(), primary.digest().toString(),
                facts.manifests().stream().map(ManifestFacts::platformText).toList(), List.copyOf(tags),
                primary.layers().size(), facts.compressedSize(), uncompressed, primary.user(),
                new TreeMap<>(primary.labels()));
    }

    private static List<String> tags(ImageSource source) {
        try {
            return source.tags();
        } catch (IOException | InvalidImageException | RuntimeException e) {
            return List.of();
        }
    }

    /** What the advisories say about the packages: each vulnerability once per package, the most severe first. */
    private KnownVulnerabilities vulnerabilities(List<PackageInfo> packages) {
        OsvAdvisories db = advisories();
        if (db == null) {
            return KnownVulnerabilities.unreadable(advisories.problem());
        }
        Map<String, Vulnerability> found = new LinkedHashMap<>();
        for (PackageInfo p : packages) {
            for (Vulnerability v : db.match(p)) {
                found.putIfAbsent(v.id() + "/" + v.packageName(), v);
            }
        }
        List<Vulnerability> sorted = new ArrayList<>(found.values());
        sorted.sort((a, b) -> Double.compare(score(b), score(a)));
        return new KnownVulnerabilities(db.advisoryCount(), null, sorted);
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
