package com.offerflow.scanner.checks;

import com.offerflow.scanner.advisories.VulnerabilityPolicy;
import com.offerflow.scanner.facts.KnownVulnerabilities;
import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class VulnerabilitiesCheckTest {

    private final VulnerabilitiesCheck check = new VulnerabilitiesCheck(new VulnerabilityPolicy(7.0));

    private static Vulnerability vulnerability(Double score, String severity, String fixed) {
        return new Vulnerability("DSA-1", List.of(), "libssl3", "3.0.11", fixed, score, severity, "a flaw");
    }

    private static Facts found(Vulnerability... found) {
        return Facts.image().packages(new PackageInfo("libssl3", "3.0.11", "Debian", "12", "openssl", "3.0.11"))
                .vulnerabilities(new KnownVulnerabilities(50, null, List.of(found)));
    }

    @Test
    void failsAtOrAboveTheBlockingScoreAndNamesTheFix() {
        var facts = found(vulnerability(7.0, "HIGH", "3.0.13"));
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.FAILED);
        assertThat(details(facts.judgedBy(check)))
                .containsExactly("DSA-1 in libssl3 3.0.11 (fixed in 3.0.13), CVSS 7.0, HIGH");
    }

    @Test
    void warnsBelowTheBlockingScore() {
        var facts = found(vulnerability(6.9, "MEDIUM", null));
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.WARNING);
        assertThat(details(facts.judgedBy(check))).containsExactly("DSA-1 in libssl3 3.0.11 (no fix known), CVSS 6.9, "
                + "MEDIUM");
    }

    @Test
    void withoutAScoreTheSeverityDecides() {
        assertThat(found(vulnerability(null, "CRITICAL", null)).statusBy(check)).isEqualTo(Verdict.Status.FAILED);
        assertThat(found(vulnerability(null, "UNKNOWN", null)).statusBy(check)).isEqualTo(Verdict.Status.WARNING);
    }

    @Test
    void passesSayingWhatWasCheckedAndIsAnErrorWithoutAdvisories() {
        assertThat(details(found().judgedBy(check))).containsExactly("1 packages checked against 50 advisories");
        assertThat(Facts.image().vulnerabilities(KnownVulnerabilities.unreadable("no such directory"))
                .statusBy(check)).isEqualTo(Verdict.Status.ERROR);
        assertThat(check.evaluate(Facts.image().build())).as("no advisories configured").isEmpty();
    }
}
