package com.offerflow.scanner.checks;

import com.offerflow.scanner.report.Evidence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictTest {

    @Test
    void theWorstEvidenceDecidesTheStatus() {
        Verdict v = Verdict.of(Check.SAFE_PATHS).warn(Evidence.of("w")).fail(Evidence.of("f"))
                .warn(Evidence.of("w2")).build();
        assertThat(v.status()).isEqualTo(Verdict.Status.FAILED);
        assertThat(Verdict.of(Check.SAFE_PATHS).build().status()).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void evidenceIsBoundedAndTheRestCounted() {
        Verdict.Builder b = Verdict.of(Check.SECRETS);
        for (int i = 0; i < Verdict.MAX_EVIDENCE + 5; i++) {
            b.fail(Evidence.of("secret " + i));
        }
        var result = b.build().result();
        assertThat(result.evidence()).hasSize(Verdict.MAX_EVIDENCE + 1);
        assertThat(result.evidence().get(Verdict.MAX_EVIDENCE).detail())
                .isEqualTo("and 5 more of the same kind (not listed)");
    }

    @Test
    void thereIsOneCheckPerNameInTheOrderOfTheNames() {
        var checks = Checks.all("linux/amd64", 40, 1000, java.util.List.of("name"),
                new com.offerflow.scanner.advisories.VulnerabilityPolicy(7.0));
        assertThat(checks).extracting(ImageCheck::check).containsExactly(Check.values());
    }
}
