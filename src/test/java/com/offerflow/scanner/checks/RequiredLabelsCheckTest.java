package com.offerflow.scanner.checks;

import com.offerflow.image.Platform;
import com.offerflow.scanner.facts.ManifestFacts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class RequiredLabelsCheckTest {

    private final RequiredLabelsCheck check = new RequiredLabelsCheck(List.of("name", "vendor", "licenses", "team"));

    private static ManifestFacts with(Map<String, String> labels, Map<String, String> annotations,
                                      Map<String, String> indexAnnotations) {
        ManifestFacts m = Facts.manifest(Platform.LINUX_AMD64);
        return new ManifestFacts(m.digest(), m.platform(), m.tags(), m.layers(), m.diffIds(), m.user(), labels,
                annotations, indexAnnotations, m.fileSystem());
    }

    @Test
    void findsLabelsInTheConfigTheManifestAndTheIndex() {
        var facts = Facts.image().manifests(with(Map.of("name", "x"),
                Map.of("org.opencontainers.image.vendor", "Contoso"),
                Map.of("license", "MIT", "org.opencontainers.image.team", "web")));
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void namesWhatIsMissingOrBlank() {
        var facts = Facts.image().manifests(with(Map.of("name", "x", "vendor", " "), Map.of(), Map.of()));
        assertThat(details(facts.judgedBy(check))).containsExactly("linux/amd64: missing vendor, licenses, team");
    }
}
