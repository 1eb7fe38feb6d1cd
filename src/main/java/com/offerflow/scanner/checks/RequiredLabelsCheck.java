package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every manifest carries the required labels, in its config's labels, its annotations or its index descriptor's
 * annotations; the OCI annotations {@code org.opencontainers.image.*} count too.
 */
public final class RequiredLabelsCheck implements ImageCheck {

    private static final Map<String, List<String>> ALIASES = Map.of(
            "name", List.of("name", "org.opencontainers.image.title"),
            "vendor", List.of("vendor", "org.opencontainers.image.vendor"),
            "version", List.of("version", "org.opencontainers.image.version"),
            "summary", List.of("summary", "org.opencontainers.image.description"),
            "description", List.of("description", "org.opencontainers.image.description"),
            "licenses", List.of("licenses", "license", "org.opencontainers.image.licenses"));

    private final List<String> required;

    public RequiredLabelsCheck(List<String> required) {
        this.required = List.copyOf(required);
    }

    @Override
    public Check check() {
        return Check.REQUIRED_LABELS;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.hasManifests()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (ManifestFacts m : facts.manifests()) {
            Map<String, String> all = new HashMap<>(m.indexAnnotations());
            all.putAll(m.annotations());
            all.putAll(m.labels());
            List<String> missing = new ArrayList<>();
            for (String label : required) {
                List<String> names = ALIASES.getOrDefault(label, List.of(label, "org.opencontainers.image." + label));
                if (names.stream().noneMatch(n -> all.get(n) != null && !all.get(n).isBlank())) {
                    missing.add(label);
                }
            }
            if (!missing.isEmpty()) {
                v.fail(Evidence.of(m.platformText() + ": missing " + String.join(", ", missing)));
            }
        }
        return Optional.of(v.build());
    }
}
