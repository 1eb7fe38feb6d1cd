package com.offerflow.scanner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswdTest {

    @Test
    void readsNamesAndUids() {
        assertThat(Passwd.parse(TestImages.PASSWD)).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("root", 0L, "daemon", 1L, "app", 1000L, "toor", 0L));
    }

    @Test
    void skipsMalformedPasswdLines() {
        assertThat(Passwd.parse("a:x:1\nbroken\nb:x:notanumber:1\n# c:x:3\n")).containsOnlyKeys("a");
    }
}
