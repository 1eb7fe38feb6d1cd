package com.offerflow.image;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestTest {

    private static final String EMPTY = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void parsesAndPrintsSha256() {
        Digest d = Digest.parse(EMPTY);
        assertThat(d.toString()).isEqualTo(EMPTY);
        assertThat(d.hex()).hasSize(64);
        assertThat(d.shortForm()).isEqualTo("sha256:e3b0c44298fc");
    }

    @Test
    void computesFromBytesAndStreams() throws Exception {
        assertThat(Digest.of(new byte[0]).toString()).isEqualTo(EMPTY);
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(Digest.of(new ByteArrayInputStream(hello))).isEqualTo(Digest.of(hello));
    }

    @Test
    void rejectsEverythingElse() {
        for (String bad : new String[]{null, "", "sha256:", "sha512:" + "a".repeat(128), "SHA256:" + "a".repeat(64),
                "sha256:" + "A".repeat(64), "sha256:" + "a".repeat(63), "sha256:" + "a".repeat(65),
                "sha256:../../../../etc/passwd" + "a".repeat(40), "sha256:" + "g".repeat(64), "a".repeat(64)}) {
            assertThatThrownBy(() -> Digest.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
