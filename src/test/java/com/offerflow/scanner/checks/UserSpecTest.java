package com.offerflow.scanner.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserSpecTest {

    /** TestImages.PASSWD, as the pass reads it. */
    private static final Map<String, Long> PASSWD = Map.of("root", 0L, "daemon", 1L, "app", 1000L, "toor", 0L);

    @Test
    void parsesTheFourForms() {
        assertThat(UserSpec.parse("1000")).isEqualTo(new UserSpec("1000", "1000", null));
        assertThat(UserSpec.parse("1000:0")).isEqualTo(new UserSpec("1000:0", "1000", "0"));
        assertThat(UserSpec.parse("app")).isEqualTo(new UserSpec("app", "app", null));
        assertThat(UserSpec.parse("app:staff")).isEqualTo(new UserSpec("app:staff", "app", "staff"));
        assertThat(UserSpec.parse("  ")).isNull();
        assertThat(UserSpec.parse(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0:0", "root", "root:root", "0:1000", "toor", "00", ":1000", "99999999999"})
    void rootInAnyFormFails(String user) {
        assertThat(UserSpec.parse(user).judge(PASSWD).ok()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000", "1000:0", "1000:1000", "app", "app:root", "daemon"})
    void nonRootPasses(String user) {
        assertThat(UserSpec.parse(user).judge(PASSWD).ok()).isTrue();
    }

    @Test
    void aNameMustExistWhenThereIsAPasswdFile() {
        assertThat(UserSpec.parse("ghost").judge(PASSWD).ok()).isFalse();
        assertThat(UserSpec.parse("ghost").judge(null).ok()).isTrue();
        assertThat(UserSpec.parse("root").judge(null).ok()).isFalse();
    }
}
