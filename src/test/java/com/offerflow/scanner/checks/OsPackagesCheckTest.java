package com.offerflow.scanner.checks;

import com.offerflow.scanner.report.PackageInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class OsPackagesCheckTest {

    private final OsPackagesCheck check = new OsPackagesCheck();

    @Test
    void passesWithTheNumberOfPackages() {
        var facts = Facts.image().packages(new PackageInfo("bash", "5.2", "Debian", "12", "bash", "5.2"));
        assertThat(details(facts.judgedBy(check))).containsExactly("1 OS packages found");
        assertThat(details(Facts.image().judgedBy(check)))
                .containsExactly("no dpkg or apk package database found: there are no OS packages to check");
    }

    @Test
    void warnsOfEachDatabaseItCouldNotRead() {
        var facts = Facts.image().fileSystem(Facts.fileSystem(Map.of(), "LICENSE", List.of(),
                Map.of("var/lib/dpkg/status", "/var/lib/dpkg/status is 20000000 bytes, more than the limit")));
        var result = facts.judgedBy(check);
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.WARNING);
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("var/lib/dpkg/status");
            assertThat(e.detail()).contains("more than the limit");
        });
    }
}
