package com.offerflow.scanner.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of a certification scan, modeled on Red Hat preflight's results: every check lands in exactly one of
 * {@code passed}, {@code failed} (the image breaks a rule), {@code warnings} (a human reviewer judges) or
 * {@code errors} (the check could not run), plus the package inventory and the vulnerabilities found.
 *
 * <p>Outcome: any failed check or error gives {@link Outcome#FAILED}; otherwise any warning gives
 * {@link Outcome#NEEDS_REVIEW}; otherwise {@link Outcome#PASSED}.
 */
@JsonPropertyOrder({"outcome", "image", "passed", "failed", "warnings", "errors", "packages", "vulnerabilities",
        "scannedAt", "durationMillis", "bytesScanned"})
public record CertificationReport(
        Outcome outcome,
        ImageSummary image,
        List<CheckResult> passed,
        List<CheckResult> failed,
        List<CheckResult> warnings,
        List<CheckResult> errors,
        List<PackageInfo> packages,
        List<Vulnerability> vulnerabilities,
        Instant scannedAt,
        long durationMillis,
        long bytesScanned) {

    public enum Outcome { PASSED, NEEDS_REVIEW, FAILED }

    public CertificationReport {
        passed = List.copyOf(passed);
        failed = List.copyOf(failed);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        packages = packages == null ? List.of() : List.copyOf(packages);
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
    }

    /** The outcome the lists imply. */
    public static Outcome outcomeOf(List<CheckResult> failed, List<CheckResult> warnings, List<CheckResult> errors) {
        if (!failed.isEmpty() || !errors.isEmpty()) {
            return Outcome.FAILED;
        }
        return warnings.isEmpty() ? Outcome.PASSED : Outcome.NEEDS_REVIEW;
    }

    /** Looks a check up by name in any of the four lists; null when the scan did not run it. */
    public CheckResult check(String name) {
        for (List<CheckResult> list : List.of(failed, errors, warnings, passed)) {
            for (CheckResult c : list) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * A few plain lines for a Tasklist form or an incident message, e.g. "Certification FAILED: 2 failed checks
     * (non-root-user, secrets), 1 warning (vulnerabilities). 14 checks passed."
     */
    public String summary() {
        StringBuilder b = new StringBuilder("Certification ").append(outcome).append(" for ")
                .append(image == null ? "the image" : image.reference()).append(": ");
        b.append(count(failed, "failed check", "failed checks"));
        b.append(", ").append(count(errors, "error", "errors"));
        b.append(", ").append(count(warnings, "warning", "warnings"));
        b.append("; ").append(passed.size()).append(" passed.");
        for (CheckResult c : failed) {
            b.append("\n- FAILED ").append(c.name()).append(": ").append(firstEvidence(c));
        }
        for (CheckResult c : errors) {
            b.append("\n- ERROR ").append(c.name()).append(": ").append(firstEvidence(c));
        }
        for (CheckResult c : warnings) {
            b.append("\n- WARNING ").append(c.name()).append(": ").append(firstEvidence(c));
        }
        return b.toString();
    }

    private static String count(List<CheckResult> list, String one, String many) {
        if (list.isEmpty()) {
            return "0 " + many;
        }
        return list.size() + " " + (list.size() == 1 ? one : many) + " ("
                + list.stream().map(CheckResult::name).collect(Collectors.joining(", ")) + ")";
    }

    private static String firstEvidence(CheckResult c) {
        if (c.evidence().isEmpty()) {
            return c.description();
        }
        String first = c.evidence().get(0).toString();
        return c.evidence().size() == 1 ? first : first + " (and " + (c.evidence().size() - 1) + " more)";
    }
}
