package com.offerflow.certification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

// TEMPORARY STUB until the scanner branch lands
public record CertificationReport(Outcome outcome, ImageSummary image, List<CheckResult> passed, List<CheckResult> failed,
                                  List<CheckResult> warnings, List<CheckResult> errors, Instant scannedAt) {
    public enum Outcome { PASSED, NEEDS_REVIEW, FAILED }
    public record ImageSummary(String reference, String manifestDigest, Map<String, String> labels) { }
    public record CheckResult(String name, String description, String help, String suggestion, List<Evidence> evidence) { }
    public record Evidence(String layer, String path, String detail) { }
    public String summary() { return outcome + ": " + passed.size() + " passed, " + failed.size() + " failed, " + warnings.size() + " warnings"; }
    public static CertificationReport unreadable(String ref, String code, String message) {
        return new CertificationReport(Outcome.FAILED, new ImageSummary(ref, null, Map.of()), List.of(),
            List.of(new CheckResult(code, message, null, "Upload a valid image", List.of())), List.of(), List.of(), Instant.now());
    }
}
