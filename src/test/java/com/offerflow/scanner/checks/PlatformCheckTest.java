package com.offerflow.scanner.checks;

import com.offerflow.image.Platform;
import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class PlatformCheckTest {

    private final PlatformCheck check = new PlatformCheck("linux/amd64");

    @Test
    void passesWhenAnyManifestIsForTheRequiredPlatform() {
        var facts = Facts.image().manifests(Facts.manifest(Platform.of("linux", "arm64")),
                Facts.manifest(Platform.LINUX_AMD64));
        assertThat(details(facts.judgedBy(check))).containsExactly("provides linux/arm64, linux/amd64");
    }

    @Test
    void failsWhenNoneIs() {
        var facts = Facts.image().manifests(Facts.manifest(Platform.of("linux", "arm64")));
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.FAILED);
        assertThat(details(facts.judgedBy(check)))
                .containsExactly("the image provides linux/arm64 but not linux/amd64");
    }

    @Test
    void aVariantMustMatchWhenRequired() {
        var facts = Facts.image().manifests(Facts.manifest(new Platform("arm", "linux", "v6", null)));
        assertThat(facts.statusBy(new PlatformCheck("linux/arm/v7"))).isEqualTo(Verdict.Status.FAILED);
        assertThat(facts.statusBy(new PlatformCheck("linux/arm"))).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void doesNotRunWithoutManifests() {
        assertThat(check.evaluate(Facts.image().noManifests().build())).isEmpty();
    }
}
