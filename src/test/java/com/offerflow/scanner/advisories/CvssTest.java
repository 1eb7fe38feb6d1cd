package com.offerflow.scanner.advisories;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CvssTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H, 9.8",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H, 10.0",
            "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N, 5.9",
            "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H, 7.8",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N, 5.4",
            "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N, 0.0",
            "AV:N/AC:L/Au:N/C:P/I:P/A:P, 7.5",
            "AV:N/AC:M/Au:N/C:N/I:P/A:N, 4.3",
            "(AV:N/AC:M/Au:N/C:N/I:P/A:N), 4.3",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O, 9.8",
            "7.5, 7.5",
    })
    void computesBaseScores(String vector, double expected) {
        assertThat(Cvss.score(vector.startsWith("AV") ? "CVSS_V2" : "CVSS_V3", vector)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "garbage", "CVSS:3.1/AV:X", "11", "NaN"})
    void givesNoScoreForWhatItCannotCompute(String vector) {
        assertThat(Cvss.score("CVSS_V4", vector)).isNull();
    }
}
