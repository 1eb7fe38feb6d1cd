package com.offerflow.scanner.checks;

import com.offerflow.image.Platform;
import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.List;
import java.util.Optional;

/** A manifest is for the required platform. */
public final class PlatformCheck implements ImageCheck {

    private final String required;

    /** @param required {@code os/arch[/variant]} */
    public PlatformCheck(String required) {
        Platform.parse(required);
        this.required = required;
    }

    @Override
    public Check check() {
        return Check.PLATFORM;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.hasManifests()) {
            return Optional.empty();
        }
        Platform platform = Platform.parse(required);
        List<String> platforms = facts.manifests().stream().map(ManifestFacts::platformText).toList();
        Verdict.Builder v = Verdict.of(check());
        if (facts.manifests().stream().anyMatch(m -> platform.matches(m.platform()))) {
            v.passed(Evidence.of("provides " + String.join(", ", platforms)));
        } else {
            v.fail(Evidence.of("the image provides " + String.join(", ", platforms) + " but not " + required));
        }
        return Optional.of(v.build());
    }
}
