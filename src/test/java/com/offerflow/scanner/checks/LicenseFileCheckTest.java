package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.FileSystemFacts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class LicenseFileCheckTest {

    private final LicenseFileCheck check = new LicenseFileCheck();

    @Test
    void passesWithTheLicenseFileItFound() {
        var result = Facts.image().judgedBy(check);
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("licenses/LICENSE");
            assertThat(e.detail()).isEqualTo("license file found");
        });
    }

    @Test
    void failsWithoutALicenseAndSaysWhenALaterLayerDeletedIt() {
        assertThat(details(Facts.image().fileSystem(Facts.fileSystem(Map.of(), null, List.of(), Map.of()))
                .judgedBy(check))).singleElement().asString().startsWith("no file in /licenses");
        assertThat(details(Facts.image().fileSystem(new FileSystemFacts(Map.of(), null, true, List.of(), Map.of()))
                .judgedBy(check))).containsExactly("the license files were deleted by a later layer");
    }
}
