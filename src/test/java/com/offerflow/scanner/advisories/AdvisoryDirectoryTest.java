package com.offerflow.scanner.advisories;

import com.offerflow.scanner.report.PackageInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.offerflow.scanner.advisories.Osv.CRITICAL;
import static com.offerflow.scanner.advisories.Osv.advisory;
import static org.assertj.core.api.Assertions.assertThat;

class AdvisoryDirectoryTest {

    private static final PackageInfo LIBSSL = new PackageInfo("libssl3", "3.0.11", "Debian", "12", "openssl",
            "3.0.11");

    @TempDir
    Path tmp;

    @Test
    void keepsTheIndexWhileNothingChangesAndReloadsWhenAFileIsAdded() throws Exception {
        Files.writeString(tmp.resolve("a.json"), advisory("DSA-1", "Debian", "openssl", CRITICAL,
                "{\"introduced\":\"0\"}"));
        AdvisoryDirectory dir = new AdvisoryDirectory(tmp);
        AdvisoryIndex first = dir.current().index();
        assertThat(dir.current().index()).isSameAs(first);
        Files.writeString(tmp.resolve("b.json"), advisory("DSA-2", "Debian", "openssl", CRITICAL,
                "{\"introduced\":\"0\"}"));
        assertThat(dir.current().index().match(LIBSSL)).hasSize(2);
    }

    @Test
    void reloadsWhenAnAdvisoryIsWithdrawnInPlace() throws Exception {
        Path file = tmp.resolve("a.json");
        Files.writeString(file, advisory("DSA-1", "Debian", "openssl", CRITICAL, "{\"introduced\":\"0\"}"));
        AdvisoryDirectory dir = new AdvisoryDirectory(tmp);
        assertThat(dir.current().index().match(LIBSSL)).hasSize(1);
        Files.writeString(file, advisory("DSA-1", "Debian", "openssl",
                CRITICAL + "\"withdrawn\":\"2024-01-01T00:00:00Z\",", "{\"introduced\":\"0\"}"));
        assertThat(dir.current().index().match(LIBSSL)).isEmpty();
    }

    @Test
    void aMissingDirectoryIsAProblemUntilItAppears() throws Exception {
        AdvisoryDirectory dir = new AdvisoryDirectory(tmp.resolve("later"));
        AdvisoryDirectory.Snapshot missing = dir.current();
        assertThat(missing.index()).isNull();
        assertThat(missing.problem()).contains("does not exist");
        Files.createDirectories(tmp.resolve("later"));
        assertThat(dir.current().index().advisoryCount()).isZero();
    }
}
