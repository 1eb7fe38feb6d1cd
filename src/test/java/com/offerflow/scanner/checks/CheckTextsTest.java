package com.offerflow.scanner.checks;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static com.offerflow.scanner.checks.Verdict.Status.ERROR;
import static com.offerflow.scanner.checks.Verdict.Status.FAILED;
import static com.offerflow.scanner.checks.Verdict.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

/** Each check's shown text fits its outcome: a failure reads as what is wrong, not as what the check verifies. */
class CheckTextsTest {

    /** The outcomes besides passing that each check can have. */
    static final Map<Check, Set<Verdict.Status>> OUTCOMES = Map.ofEntries(
            Map.entry(Check.IMAGE_STRUCTURE, EnumSet.of(FAILED, ERROR)),
            Map.entry(Check.BLOB_INTEGRITY, EnumSet.of(FAILED, ERROR)),
            Map.entry(Check.LAYER_DIFF_IDS, EnumSet.of(FAILED, ERROR)),
            Map.entry(Check.LAYER_FORMAT, EnumSet.of(FAILED)),
            Map.entry(Check.LAYER_LIMITS, EnumSet.of(FAILED)),
            Map.entry(Check.SAFE_PATHS, EnumSet.of(FAILED, WARNING)),
            Map.entry(Check.PLATFORM, EnumSet.of(FAILED)),
            Map.entry(Check.LAYER_COUNT, EnumSet.of(FAILED)),
            Map.entry(Check.IMAGE_SIZE, EnumSet.of(FAILED)),
            Map.entry(Check.NON_ROOT_USER, EnumSet.of(FAILED)),
            Map.entry(Check.REQUIRED_LABELS, EnumSet.of(FAILED)),
            Map.entry(Check.LICENSE_FILE, EnumSet.of(FAILED)),
            Map.entry(Check.MALWARE_SIGNATURES, EnumSet.of(FAILED, ERROR)),
            Map.entry(Check.MALWARE_CLAMD, EnumSet.of(FAILED, ERROR)),
            Map.entry(Check.SECRETS, EnumSet.of(FAILED, ERROR)),
            Map.entry(Check.OS_PACKAGES, EnumSet.of(WARNING)),
            Map.entry(Check.VULNERABILITIES, EnumSet.of(FAILED, WARNING, ERROR)));

    /** What {@link Check#text} says for an outcome a check has no text of its own for. */
    static final Set<String> GENERAL = Set.of("The image does not meet this check's requirement.",
            "A reviewer judges what this check found.", "The check could not run to the end.");

    @Test
    void everyOutcomeOfEveryCheckHasItsOwnText() {
        assertThat(OUTCOMES).containsOnlyKeys(Check.values());
        OUTCOMES.forEach((check, outcomes) -> {
            for (Verdict.Status status : outcomes) {
                assertThat(check.text(status)).as(check.id() + " " + status).isNotIn(GENERAL)
                        .isNotEqualTo(check.description());
            }
        });
    }

    @Test
    void aFailedMalwareCheckSaysAFileMatchesAndKeepsWhatItChecksInHelp() {
        var result = Verdict.of(Check.MALWARE_SIGNATURES).fail(com.offerflow.scanner.report.Evidence.of("x"))
                .build().result();
        assertThat(result.description()).isEqualTo("A file in the image matches a known malware hash signature.");
        assertThat(result.help()).startsWith("No file in any layer may match a known malware hash signature");
        var passed = Verdict.of(Check.MALWARE_SIGNATURES).build().result();
        assertThat(passed.description()).startsWith("No file in any layer matches a known malware hash signature");
        assertThat(passed.help()).isNull();
    }

    @Test
    void checksWithoutAWarningOrErrorStillNeverReadAsPassedForThem() {
        for (Check check : Check.values()) {
            for (Verdict.Status status : EnumSet.of(FAILED, WARNING, ERROR)) {
                assertThat(check.text(status)).as(check.id() + " " + status).isNotEqualTo(check.description());
            }
        }
    }
}
