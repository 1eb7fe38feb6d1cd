package com.offerflow.scanner;

import com.offerflow.image.ImageLimits;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the scanner can be configured with; {@link #defaults()} gives working values. The lead binds these
 * from {@code offerflow.certification.*}; each is documented in docs-scanner.md.
 *
 * @param imageLimits               limits for reading index, manifests and configs (sizes, JSON depth)
 * @param maxLayers                 most layers a manifest may have (default 40)
 * @param maxImageBytes             largest compressed size of all blobs together (default 10 GiB)
 * @param maxLayerUncompressedBytes largest uncompressed size of one layer (default 16 GiB)
 * @param maxUncompressedBytes      largest uncompressed size of all layers together (default 32 GiB)
 * @param maxCompressionRatio       largest uncompressed/compressed ratio of a layer (default 100)
 * @param ratioCheckAfterBytes      the ratio is only enforced once a layer has produced this much (default 64 MiB),
 *                                  so small, very compressible layers pass
 * @param maxTarEntries             most tar entries of all layers together (default 1 000 000)
 * @param maxHashedFileSize         files larger than this are not hashed for signatures (default 100 MiB)
 * @param maxSecretScanFileSize     files larger than this are not searched for secrets (default 1 MiB)
 * @param maxPackageDatabaseBytes   largest package database file read (default 16 MiB)
 * @param signatureFiles            ClamAV hash signature files ({@code .hdb} MD5, {@code .hsb} SHA-1/SHA-256);
 *                                  EICAR is always known
 * @param advisoriesDir             directory of OSV JSON advisories (searched recursively); null: no vulnerability
 *                                  check
 * @param clamd                     a clamd to stream files to; null: not used
 * @param requiredLabels            labels the image must have (default name, vendor, version, summary,
 *                                  description, licenses)
 * @param requiredPlatform          platform the image must provide (default linux/amd64)
 * @param blockingCvssScore         vulnerabilities with a CVSS score of at least this fail the scan (default 7.0)
 * @param parallel                  hash and parse on a second thread while decompressing (default true)
 * @param progressInterval          least time between two progress calls (default 500 ms)
 */
public record ScanSettings(
        ImageLimits imageLimits,
        int maxLayers,
        long maxImageBytes,
        long maxLayerUncompressedBytes,
        long maxUncompressedBytes,
        double maxCompressionRatio,
        long ratioCheckAfterBytes,
        long maxTarEntries,
        long maxHashedFileSize,
        long maxSecretScanFileSize,
        long maxPackageDatabaseBytes,
        List<Path> signatureFiles,
        Path advisoriesDir,
        ClamdSettings clamd,
        List<String> requiredLabels,
        String requiredPlatform,
        double blockingCvssScore,
        boolean parallel,
        Duration progressInterval) {

    public static final long MIB = 1024L * 1024;
    public static final long GIB = 1024L * MIB;
    public static final List<String> DEFAULT_REQUIRED_LABELS =
            List.of("name", "vendor", "version", "summary", "description", "licenses");

    public ScanSettings {
        if (imageLimits == null) {
            imageLimits = ImageLimits.defaults();
        }
        signatureFiles = signatureFiles == null ? List.of() : List.copyOf(signatureFiles);
        requiredLabels = requiredLabels == null ? DEFAULT_REQUIRED_LABELS : List.copyOf(requiredLabels);
        if (requiredPlatform == null || requiredPlatform.isBlank()) {
            requiredPlatform = "linux/amd64";
        }
        if (progressInterval == null) {
            progressInterval = Duration.ofMillis(500);
        }
        if (maxLayers <= 0 || maxImageBytes <= 0 || maxLayerUncompressedBytes <= 0 || maxUncompressedBytes <= 0
                || maxCompressionRatio <= 1 || ratioCheckAfterBytes < 0 || maxTarEntries <= 0
                || maxHashedFileSize < 0 || maxSecretScanFileSize < 0 || maxPackageDatabaseBytes <= 0) {
            throw new IllegalArgumentException("scan limits must be positive (and the ratio above 1)");
        }
    }

    /** The defaults: see the parameter descriptions. */
    public static ScanSettings defaults() {
        return new ScanSettings(ImageLimits.defaults(), 40, 10 * GIB, 16 * GIB, 32 * GIB, 100, 64 * MIB,
                1_000_000, 100 * MIB, MIB, 16 * MIB, List.of(), null, null, DEFAULT_REQUIRED_LABELS, "linux/amd64",
                7.0, true, Duration.ofMillis(500));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** Settings of a clamd reached over TCP; {@code maxFileSize} should not exceed clamd's StreamMaxLength. */
    public record ClamdSettings(String host, int port, Duration timeout, long maxFileSize) {
        public ClamdSettings {
            if (host == null || host.isBlank() || port <= 0 || port > 65535) {
                throw new IllegalArgumentException("clamd needs a host and a port");
            }
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            maxFileSize = maxFileSize <= 0 ? 25 * MIB : maxFileSize;
        }

        public static ClamdSettings of(String host, int port) {
            return new ClamdSettings(host, port, Duration.ofSeconds(30), 25 * MIB);
        }
    }

    /** Changes a few settings of an existing value. */
    public static final class Builder {
        private ImageLimits imageLimits;
        private int maxLayers;
        private long maxImageBytes;
        private long maxLayerUncompressedBytes;
        private long maxUncompressedBytes;
        private double maxCompressionRatio;
        private long ratioCheckAfterBytes;
        private long maxTarEntries;
        private long maxHashedFileSize;
        private long maxSecretScanFileSize;
        private long maxPackageDatabaseBytes;
        private List<Path> signatureFiles;
        private Path advisoriesDir;
        private ClamdSettings clamd;
        private List<String> requiredLabels;
        private String requiredPlatform;
        private double blockingCvssScore;
        private boolean parallel;
        private Duration progressInterval;

        private Builder(ScanSettings s) {
            imageLimits = s.imageLimits;
            maxLayers = s.maxLayers;
            maxImageBytes = s.maxImageBytes;
            maxLayerUncompressedBytes = s.maxLayerUncompressedBytes;
            maxUncompressedBytes = s.maxUncompressedBytes;
            maxCompressionRatio = s.maxCompressionRatio;
            ratioCheckAfterBytes = s.ratioCheckAfterBytes;
            maxTarEntries = s.maxTarEntries;
            maxHashedFileSize = s.maxHashedFileSize;
            maxSecretScanFileSize = s.maxSecretScanFileSize;
            maxPackageDatabaseBytes = s.maxPackageDatabaseBytes;
            signatureFiles = s.signatureFiles;
            advisoriesDir = s.advisoriesDir;
            clamd = s.clamd;
            requiredLabels = s.requiredLabels;
            requiredPlatform = s.requiredPlatform;
            blockingCvssScore = s.blockingCvssScore;
            parallel = s.parallel;
            progressInterval = s.progressInterval;
        }

        public Builder imageLimits(ImageLimits v) { imageLimits = v; return this; }
        public Builder maxLayers(int v) { maxLayers = v; return this; }
        public Builder maxImageBytes(long v) { maxImageBytes = v; return this; }
        public Builder maxLayerUncompressedBytes(long v) { maxLayerUncompressedBytes = v; return this; }
        public Builder maxUncompressedBytes(long v) { maxUncompressedBytes = v; return this; }
        public Builder maxCompressionRatio(double v) { maxCompressionRatio = v; return this; }
        public Builder ratioCheckAfterBytes(long v) { ratioCheckAfterBytes = v; return this; }
        public Builder maxTarEntries(long v) { maxTarEntries = v; return this; }
        public Builder maxHashedFileSize(long v) { maxHashedFileSize = v; return this; }
        public Builder maxSecretScanFileSize(long v) { maxSecretScanFileSize = v; return this; }
        public Builder maxPackageDatabaseBytes(long v) { maxPackageDatabaseBytes = v; return this; }
        public Builder signatureFiles(List<Path> v) { signatureFiles = v; return this; }
        public Builder advisoriesDir(Path v) { advisoriesDir = v; return this; }
        public Builder clamd(ClamdSettings v) { clamd = v; return this; }
        public Builder requiredLabels(List<String> v) { requiredLabels = v; return this; }
        public Builder requiredPlatform(String v) { requiredPlatform = v; return this; }
        public Builder blockingCvssScore(double v) { blockingCvssScore = v; return this; }
        public Builder parallel(boolean v) { parallel = v; return this; }
        public Builder progressInterval(Duration v) { progressInterval = v; return this; }

        public ScanSettings build() {
            return new ScanSettings(imageLimits, maxLayers, maxImageBytes, maxLayerUncompressedBytes,
                    maxUncompressedBytes, maxCompressionRatio, ratioCheckAfterBytes, maxTarEntries,
                    maxHashedFileSize, maxSecretScanFileSize, maxPackageDatabaseBytes, signatureFiles,
                    advisoriesDir, clamd, requiredLabels, requiredPlatform, blockingCvssScore, parallel,
                    progressInterval);
        }
    }
}
