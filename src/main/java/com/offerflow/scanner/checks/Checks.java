package com.offerflow.scanner.checks;

import com.offerflow.scanner.advisories.VulnerabilityPolicy;

import java.util.List;

/** Every check of the scan, configured, in the order of {@link Check}: the order the report lists them in. */
public final class Checks {

    private Checks() {
    }

    public static List<ImageCheck> all(String requiredPlatform, int maxLayers, long maxImageBytes,
                                       List<String> requiredLabels, VulnerabilityPolicy vulnerabilityPolicy) {
        return List.of(new ImageStructureCheck(), new BlobIntegrityCheck(), new LayerDiffIdsCheck(),
                new LayerFormatCheck(), new LayerLimitsCheck(), new SafePathsCheck(),
                new PlatformCheck(requiredPlatform), new LayerCountCheck(maxLayers), new ImageSizeCheck(maxImageBytes), new NonRootUserCheck(),
                new RequiredLabelsCheck(requiredLabels), new LicenseFileCheck(), new MalwareSignaturesCheck(),
                new MalwareClamdCheck(), new SecretsCheck(), new OsPackagesCheck(),
                new VulnerabilitiesCheck(vulnerabilityPolicy));
    }
}
