package com.offerflow.scanner;

import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.scanner.advisories.AdvisoryDirectory;
import com.offerflow.scanner.advisories.VulnerabilityPolicy;
import com.offerflow.scanner.checks.Check;
import com.offerflow.scanner.checks.Checks;
import com.offerflow.scanner.checks.ImageCheck;
import com.offerflow.scanner.checks.Verdict;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.KnownVulnerabilities;
import com.offerflow.scanner.facts.LayerFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.CertificationReport;
import com.offerflow.scanner.report.CheckResult;
import com.offerflow.scanner.report.Evidence;
import com.offerflow.scanner.report.ImageSummary;
import com.offerflow.scanner.report.PackageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
    private final AdvisoryDirectory advisories;
    private volatile Signatures signatures;

    private record Signatures(String fingerprint, HashSignatures signatures) {
    }

    /** A scanner with its own view of the advisories directory of the settings, if any. */
    public ImageScanner(ScanSettings settings) {
        this(settings, settings.advisoriesDir() == null ? null : new AdvisoryDirectory(settings.advisoriesDir()));
    }

    /**
     * A scanner that matches packages against the given advisories (shared, for example, with whatever re-checks
     * live offers), or checks no vulnerabilities when it is null.
     */
    public ImageScanner(ScanSettings settings, AdvisoryDirectory advisories) {
        this.settings = settings;
        this.secrets = new SecretDetector(settings.maxSecretScanFileSize());
        this.checks = Checks.all(settings.requiredPlatform(), settings.maxLayers(), settings.maxImageBytes(),
                settings.requiredLabels(), new VulnerabilityPolicy(settings.blockingCvssScore()));
        this.advisories = advisories;
        if (advisories == null) {
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
        if (facts.layersRead() && advisories != null) {
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

    /**
     * The report on an image that cannot even be opened (an archive that is no OCI layout, a pinned manifest the
     * registry no longer has): a failed {@code image-structure} check with the reason.
     */
    public static CertificationReport unreadable(String detail) {
        CheckResult failed = Verdict.of(Check.IMAGE_STRUCTURE).fail(Evidence.of(detail)).build().result();
        return new CertificationReport(CertificationReport.Outcome.FAILED, null, List.of(), List.of(failed),
                List.of(), List.of(), List.of(), List.of(), Instant.now(), 0, 0);
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

    /** What the advisories say about the packages. */
    private KnownVulnerabilities vulnerabilities(List<PackageInfo> packages) {
        AdvisoryDirectory.Snapshot snapshot = advisories.current();
        if (snapshot.index() == null) {
            return KnownVulnerabilities.unreadable(snapshot.problem());
        }
        return new KnownVulnerabilities(snapshot.index().advisoryCount(), null, snapshot.index().match(packages));
    }

    /** The hash signatures, loaded again when a signature file changed. */
    private HashSignatures signatures() {
        String fingerprint = signatureFilesFingerprint();
        Signatures loaded = signatures;
        if (loaded == null || !loaded.fingerprint().equals(fingerprint)) {
            loaded = new Signatures(fingerprint, HashSignatures.load(settings.signatureFiles()));
            signatures = loaded;
        }
        return loaded.signatures();
    }

    private String signatureFilesFingerprint() {
        StringBuilder b = new StringBuilder();
        for (Path p : settings.signatureFiles()) {
            b.append(p).append(':');
            try {
                b.append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                b.append('!');
            }
            b.append(';');
        }
        return b.toString();
    }
}
