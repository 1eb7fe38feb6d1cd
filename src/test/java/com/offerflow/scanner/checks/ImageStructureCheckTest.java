package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ReadProblem;
import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class ImageStructureCheckTest {

    private final ImageStructureCheck check = new ImageStructureCheck();

    @Test
    void passesAReadableImage() {
        assertThat(Facts.image().statusBy(check)).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void unreadableManifestsFailAndSayTheOtherChecksDidNotRun() {
        var result = Facts.image().noManifests().readProblem(ReadProblem.Part.MANIFESTS, "blob-too-large")
                .judgedBy(check);
        assertThat(details(result)).containsExactly("it is broken [blob-too-large]",
                "the other checks need a readable image and did not run");
    }

    @Test
    void manifestsWithoutAReadableConfigFail() {
        var result = Facts.image().manifests().readProblem(ReadProblem.Part.CONFIG, "invalid-json").judgedBy(check);
        assertThat(details(result)).containsExactly("config of manifest sha256:abc: it is broken [invalid-json]",
                "no manifest has a readable config; the other checks did not run");
    }

    @Test
    void leavesBlobMismatchesToBlobIntegrity() {
        var facts = Facts.image().readProblem(ReadProblem.Part.CONFIG, "digest-mismatch");
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void anUnexpectedFailureOfTheScannerIsAnError() {
        var facts = Facts.image().layersUnread().failure("NullPointerException");
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.ERROR);
        assertThat(details(facts.judgedBy(check))).singleElement().asString()
                .contains("NullPointerException").contains("operators");
    }
}
