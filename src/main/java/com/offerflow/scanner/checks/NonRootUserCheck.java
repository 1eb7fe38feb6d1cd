package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.ImageFacts;
import com.offerflow.scanner.facts.ManifestFacts;
import com.offerflow.scanner.report.Evidence;

import java.util.Map;
import java.util.Optional;

/** Every manifest's config names a user that is not root, resolved against its final {@code /etc/passwd}. */
public final class NonRootUserCheck implements ImageCheck {

    @Override
    public Check check() {
        return Check.NON_ROOT_USER;
    }

    @Override
    public Optional<Verdict> evaluate(ImageFacts facts) {
        if (!facts.layersRead()) {
            return Optional.empty();
        }
        Verdict.Builder v = Verdict.of(check());
        for (ManifestFacts m : facts.primaryFirst()) {
            String prefix = Evidences.platformPrefix(facts, m);
            UserSpec user = UserSpec.parse(m.user());
            if (user == null) {
                v.fail(Evidence.of(prefix + "the config sets no User, so the container runs as root"));
                continue;
            }
            Map<String, Long> users = m.fileSystem().users();
            UserSpec.Judgement judgement = user.judge(users);
            if (judgement.ok()) {
                v.passed(Evidence.of(prefix + judgement.detail()));
            } else {
                v.fail(Evidence.path(users != null && !user.numeric() ? "etc/passwd" : null,
                        prefix + judgement.detail()));
            }
        }
        return Optional.of(v.build());
    }
}
