package com.offerflow.scanner.facts;

import com.offerflow.scanner.report.Vulnerability;

import java.util.List;

/**
 * What the advisories say about the image's packages.
 *
 * @param advisoryCount the advisories matched against
 * @param problem       why the advisories could not be read; null when they were
 * @param found         the vulnerabilities of the packages, the most severe first
 */
public record KnownVulnerabilities(int advisoryCount, String problem, List<Vulnerability> found) {

    public KnownVulnerabilities {
        found = List.copyOf(found);
    }

    public static KnownVulnerabilities unreadable(String problem) {
        return new KnownVulnerabilities(0, problem, List.of());
    }
}
