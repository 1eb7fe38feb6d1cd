package com.offerflow.certification;

import com.offerflow.scanner.ScanSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The certification scan's configuration ({@code offerflow.certification.*}); every setting is described in the
 * README's "Certification" section. Unset values keep the scanner's defaults ({@link ScanSettings#defaults()}).
 */
@ConfigurationProperties("offerflow.certification")
public record ScannerSettings(
        @DefaultValue("40") int maxLayers,
        @DefaultValue("10GB") DataSize maxImageSize,
        @DefaultValue("16GB") DataSize maxLayerSize,
        @DefaultValue("32GB") DataSize maxUncompressedSize,
        @DefaultValue("100") double maxCompressionRatio,
        @DefaultValue("1000000") long maxFilesPerLayer,
        /* ClamAV hash signature files (.hdb, .hsb); the EICAR test file is known without any */
        List<Path> signatureFiles,
        /* a directory of OSV advisories (*.json); none turns the vulnerability check off */
        Path advisoriesDir,
        Clamd clamd,
        @DefaultValue({"name", "vendor", "version", "summary", "description", "licenses"}) List<String> requiredLabels,
        @DefaultValue("linux/amd64") String requiredPlatform,
        @DefaultValue("7.0") double blockingCvssScore) {

    /** A running clamd to stream every file to (its INSTREAM command); none by default. */
    public record Clamd(String host, @DefaultValue("3310") int port, @DefaultValue("PT30S") Duration timeout) {
    }

    public ScanSettings toScanSettings() {
        ScanSettings.Builder builder = ScanSettings.defaults().toBuilder()
                .maxLayers(maxLayers)
                .maxImageBytes(maxImageSize.toBytes())
                .maxLayerUncompressedBytes(maxLayerSize.toBytes())
                .maxUncompressedBytes(maxUncompressedSize.toBytes())
                .maxCompressionRatio(maxCompressionRatio)
                .maxTarEntries(maxFilesPerLayer)
                .signatureFiles(signatureFiles == null ? List.of() : signatureFiles)
                .advisoriesDir(advisoriesDir)
                .requiredLabels(requiredLabels)
                .requiredPlatform(requiredPlatform)
                .blockingCvssScore(blockingCvssScore);
        if (clamd != null && clamd.host() != null && !clamd.host().isBlank()) {
            ScanSettings.ClamdSettings defaults = ScanSettings.ClamdSettings.of(clamd.host(), clamd.port());
            builder.clamd(new ScanSettings.ClamdSettings(clamd.host(), clamd.port(), clamd.timeout(),
                    defaults.maxFileSize()));
        }
        return builder.build();
    }
}
