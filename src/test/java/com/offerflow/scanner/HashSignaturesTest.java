package com.offerflow.scanner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HashSignaturesTest {

    @TempDir
    Path tmp;

    @Test
    void parsesHdbAndHsbLines() {
        var md5 = HashSignatures.parseLine("44D88612FEA8A8F36DE82E1278ABB02F:68:Eicar-Test-Signature", true, "t");
        assertThat(md5.algorithm()).isEqualTo(HashSignatures.Algorithm.MD5);
        assertThat(md5.hex()).isEqualTo("44d88612fea8a8f36de82e1278abb02f");
        assertThat(md5.size()).isEqualTo(68);

        var sha1 = HashSignatures.parseLine("3395856ce81f2b7382dee72602f798b642f14140:68:Eicar.Sha1", false, "t");
        assertThat(sha1.algorithm()).isEqualTo(HashSignatures.Algorithm.SHA1);

        var sha256 = HashSignatures.parseLine(
                "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f:*:Eicar.Sha256:73", false, "t");
        assertThat(sha256.algorithm()).isEqualTo(HashSignatures.Algorithm.SHA256);
        assertThat(sha256.size()).isEqualTo(-1);
    }

    @Test
    void rejectsMalformedLines() {
        for (String line : new String[]{"", "# comment", "nothex:68:x", "44d88612fea8a8f36de82e1278abb02f:-1:x",
                "44d88612fea8a8f36de82e1278abb02f:abc:x", "44d88612fea8a8f36de82e1278abb02f:68:",
                "44d88612fea8a8f36de82e1278abb02f:68", "44d8:68:short"}) {
            assertThat(HashSignatures.parseLine(line, true, "t")).as(line).isNull();
        }
        // MD5 belongs in .hdb, SHA in .hsb
        assertThat(HashSignatures.parseLine("44d88612fea8a8f36de82e1278abb02f:68:x", false, "t")).isNull();
        assertThat(HashSignatures.parseLine("3395856ce81f2b7382dee72602f798b642f14140:68:x", true, "t")).isNull();
    }

    @Test
    void knowsEicarOutOfTheBoxAndIndexesBySize() throws Exception {
        HashSignatures builtIn = HashSignatures.builtIn();
        assertThat(builtIn.wants(68)).isTrue();
        assertThat(builtIn.wants(69)).isTrue();
        assertThat(builtIn.wants(4096)).isFalse();
        assertThat(builtIn.candidates(68)).singleElement()
                .satisfies(s -> assertThat(s.hex()).isEqualTo("44d88612fea8a8f36de82e1278abb02f"));

        Path hsb = tmp.resolve("any.hsb");
        Files.writeString(hsb, "3395856ce81f2b7382dee72602f798b642f14140:*:AnySize\n");
        HashSignatures loaded = HashSignatures.load(List.of(hsb));
        assertThat(loaded.wants(4096)).isTrue();
        assertThat(loaded.count()).isEqualTo(4);
        assertThat(loaded.problems()).isEmpty();
    }

    @Test
    void namesFilesItCannotUse() {
        HashSignatures loaded = HashSignatures.load(List.of(tmp.resolve("gone.hdb"), tmp.resolve("x.ndb")));
        assertThat(loaded.problems()).hasSize(2);
        assertThat(loaded.count()).isEqualTo(3);
    }
}
