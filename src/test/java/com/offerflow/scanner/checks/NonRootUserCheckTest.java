package com.offerflow.scanner.checks;

import com.offerflow.image.Platform;
import com.offerflow.scanner.facts.ManifestFacts;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class NonRootUserCheckTest {

    private final NonRootUserCheck check = new NonRootUserCheck();

    @Test
    void passesANonRootUserAndSaysWhoItRunsAs() {
        assertThat(details(Facts.image().user("app").judgedBy(check))).containsExactly("runs as user 'app' (uid 1000)");
    }

    @Test
    void failsNoUserAndRootUnderAnotherName() {
        assertThat(details(Facts.image().user(null).judgedBy(check)))
                .containsExactly("the config sets no User, so the container runs as root");
        var toor = Facts.image().user("toor").fileSystem(Facts.fileSystem(Map.of("toor", 0L), "LICENSE", List.of(),
                Map.of())).judgedBy(check);
        assertThat(toor.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("etc/passwd");
            assertThat(e.detail()).contains("uid 0");
        });
    }

    @Test
    void judgesEveryPlatformAndSaysWhich() {
        ManifestFacts arm = Facts.manifest(Platform.of("linux", "arm64"));
        ManifestFacts rootOnArm = new ManifestFacts(arm.digest(), arm.platform(), arm.tags(), arm.layers(),
                arm.diffIds(), "0", arm.labels(), arm.annotations(), arm.indexAnnotations(), arm.fileSystem());
        var result = Facts.image().manifests(Facts.manifest(Platform.LINUX_AMD64), rootOnArm).judgedBy(check);
        assertThat(details(result)).containsExactly("linux/amd64: runs as uid 1000",
                "linux/arm64: User '0' is uid 0 (root)");
    }

    @Test
    void needsTheFinalFileSystem() {
        assertThat(check.evaluate(Facts.image().layersNotRead("too large").build())).isEmpty();
    }
}
