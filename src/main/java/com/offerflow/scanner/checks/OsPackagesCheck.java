package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Optional;

/** The package databases of the final file systems could be read into the inventory. */
public final class OsPackagesCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.OS_PACKAGES;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (ManifestFacts m : facts.primaryFirst()) {
            String prefix = Evidences.platformPrefix(facts, m);
            m.fileSystem().unreadableDatabases().forEach((path, problem) -> v.warn(Evidence.path(path,
                    prefix + problem)));
        }
        if (v.status() == Verdict.Status.PASSED) {
            v.passed(Evidence.of(facts.packages().isEmpty()
                    ? "no dpkg or apk package database found: there are no OS packages to check"
                    : facts.packages().size() + " OS packages found"));
        }
        return Optional.of(v.build());
    }
}
