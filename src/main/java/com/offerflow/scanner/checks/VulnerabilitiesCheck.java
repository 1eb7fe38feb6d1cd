package com.offerflow.scanner.checks;

import com.offerflow.scanner.advisories.VulnerabilityPolicy;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.KnownVulnerabilities;
import com.offerflow.scanner.report.Evidence;
import com.offerflow.scanner.report.Vulnerability;

import java.util.Optional;

/**
 * No installed package has a known vulnerability that the {@link VulnerabilityPolicy} finds blocking (failed);
 * the others are warnings. Runs when advisories are configured.
 */
public final class VulnerabilitiesCheck implements ImageCheck {

    private final VulnerabilityPolicy policy;

    public VulnerabilitiesCheck(VulnerabilityPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Check check() {
        return Check.VULNERABILITIES;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        KnownVulnerabilities known = facts.vulnerabilities();
        if (known == null) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        if (known.problem() != null) {
            return Optional.of(v.error(Evidence.of(known.problem())).build());
        }
        for (Vulnerability vuln : known.found()) {
            Evidence e = Evidence.of(vuln.id() + " in " + vuln.packageName() + " " + vuln.installedVersion()
                    + (vuln.fixedVersion() != null ? " (fixed in " + vuln.fixedVersion() + ")" : " (no fix known)")
                    + (vuln.cvssScore() != null ? ", CVSS " + vuln.cvssScore() : "") + ", " + vuln.severity());
            v.add(policy.blocks(vuln) ? Verdict.Status.FAILED : Verdict.Status.WARNING, e);
        }
        if (known.found().isEmpty()) {
            v.passed(Evidence.of(facts.packages().size() + " packages checked against " + known.advisoryCount()
                    + " advisories"));
        }
        return Optional.of(v.build());
    }
}
