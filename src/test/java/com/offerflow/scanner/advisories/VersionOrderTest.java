package com.offerflow.scanner.advisories;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {

    @ParameterizedTest(name = "Debian {0} < {1}")
    @CsvSource({
            "1.0, 1.1",
            "1.0~rc1, 1.0",
            "1.0~~, 1.0~",
            "1.0, 1.0a",
            "1.0, 1.0.1",
            "1.0-1, 1.0-2",
            "1.0-9, 1.0-10",
            "1:0.9, 2:0.1",
            "9.9, 1:0.1",
            "3.0.11-1~deb12u2, 3.0.13-1~deb12u1",
            "3.0.11-1~deb12u2, 3.0.11-1",
            "5.2.15-2+b2, 5.2.15-2+b7",
            "1.2.13.dfsg-1, 1:1.2.13.dfsg-1",
            "2.36-9+deb12u4, 2.36-9+deb12u10",
            "1.0+a, 1.0+b",
            "1.0a, 1.0+",
    })
    void debianOrdersLikeDpkg(String lower, String higher) {
        assertThat(DebianVersion.compare(lower, higher)).isNegative();
        assertThat(DebianVersion.compare(higher, lower)).isPositive();
        assertThat(DebianVersion.compare(lower, lower)).isZero();
    }

    @ParameterizedTest(name = "Debian {0} == {1}")
    @CsvSource({"1.0, 1.00", "0:1.0, 1.0", "1.0-0, 1.0-0"})
    void debianEqualVersions(String a, String b) {
        assertThat(DebianVersion.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "Alpine {0} < {1}")
    @CsvSource({
            "1.0, 1.1",
            "1.0, 1.0.1",
            "1.0_rc1, 1.0",
            "1.0_alpha, 1.0_beta",
            "1.0_beta2, 1.0_rc1",
            "1.0, 1.0_p1",
            "1.0-r0, 1.0-r1",
            "1.0-r9, 1.0-r10",
            "1.0, 1.0a",
            "1.0a, 1.0b",
            "3.3.2-r0, 3.3.2-r1",
            "3.3.1-r9, 3.3.2-r0",
            "1.2.4_git20230717-r0, 1.2.4_p1-r0",
            "2.9, 2.10",
            "1.36.1-r29, 1.37.0-r0",
    })
    void alpineOrdersLikeApk(String lower, String higher) {
        assertThat(ApkVersion.compare(lower, higher)).isNegative();
        assertThat(ApkVersion.compare(higher, lower)).isPositive();
        assertThat(ApkVersion.compare(lower, lower)).isZero();
    }
}
