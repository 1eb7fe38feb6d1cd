package com.offerflow.scanner.advisories;

import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.offerflow.scanner.advisories.Osv.CRITICAL;
import static com.offerflow.scanner.advisories.Osv.LOW;
import static com.offerflow.scanner.advisories.Osv.advisory;
import static org.assertj.core.api.Assertions.assertThat;

/** Matching a stored inventory against the advisories, without an image. */
class AdvisoryIndexTest {

    private static final PackageInfo LIBSSL = new PackageInfo("libssl3", "3.0.11-1~deb12u2", "Debian", "12",
            "openssl", "3.0.11-1~deb12u2");
    private static final PackageInfo BASH = new PackageInfo("bash", "5.2.15-2+b2", "Debian", "12", "bash",
            "5.2.15-2");
    private static final PackageInfo LIBCRYPTO = new PackageInfo("libcrypto3", "3.3.2-r0", "Alpine", "v3.20",
            "openssl", "3.3.2-r0");

    @TempDir
    Path tmp;

    @Test
    void matchesAnInventoryMostSevereFirstWithTheFix() {
        AdvisoryIndex index = Osv.index(
                advisory("DEBIAN-LOW", "Debian", "bash", LOW, "{\"introduced\":\"0\"}"),
                advisory("DSA-1", "Debian:12", "openssl", CRITICAL,
                        "{\"introduced\":\"0\"},{\"fixed\":\"3.0.13-1~deb12u1\"}"),
                advisory("ALPINE-1", "Alpine:v3.20", "openssl", "", "{\"introduced\":\"0\"},{\"fixed\":\"3.3.2-r1\"}"));
        List<Vulnerability> found = index.match(List.of(BASH, LIBSSL, LIBCRYPTO));
        assertThat(found).extracting(v -> v.id() + " " + v.packageName() + " " + v.fixedVersion() + " "
                + v.cvssScore() + " " + v.severity()).containsExactly(
                "DSA-1 libssl3 3.0.13-1~deb12u1 9.8 CRITICAL",
                "ALPINE-1 libcrypto3 3.3.2-r1 null UNKNOWN",
                "DEBIAN-LOW bash null 1.8 LOW");
        assertThat(found.get(0).aliases()).containsExactly("DSA-1-CVE");
        assertThat(found.get(0).installedVersion()).isEqualTo("3.0.11-1~deb12u2");
    }

    @Test
    void fixedOtherReleaseWithdrawnAndEarlierVersionsDoNotMatch() {
        AdvisoryIndex index = Osv.index(
                advisory("DSA-fixed", "Debian:12", "openssl", CRITICAL,
                        "{\"introduced\":\"0\"},{\"fixed\":\"3.0.11-1~deb12u1\"}"),
                advisory("DSA-other-release", "Debian:11", "openssl", CRITICAL, "{\"introduced\":\"0\"}"),
                advisory("DSA-withdrawn", "Debian:12", "openssl", CRITICAL + "\"withdrawn\":\"2024-01-01T00:00:00Z\",",
                        "{\"introduced\":\"0\"}"),
                advisory("DSA-last-affected", "Debian:12", "openssl", CRITICAL,
                        "{\"introduced\":\"0\"},{\"last_affected\":\"3.0.9-1\"}"),
                advisory("DSA-later", "Debian:12", "openssl", CRITICAL, "{\"introduced\":\"3.1\"}"));
        assertThat(index.match(List.of(LIBSSL))).isEmpty();
        assertThat(index.advisoryCount()).isEqualTo(4);
    }

    @Test
    void matchesTheSourceByItsVersionAndFallsBackToTheBinaryName() {
        AdvisoryIndex index = Osv.index(
                advisory("BY-SOURCE", "Debian", "bash", CRITICAL, "{\"introduced\":\"0\"},{\"fixed\":\"5.2.15-2+b1\"}"),
                advisory("BY-BINARY", "Debian", "libssl3", CRITICAL, "{\"introduced\":\"0\"}"));
        // bash's source version 5.2.15-2 is below the fix even though the binary version 5.2.15-2+b2 is above it
        assertThat(index.match(BASH)).extracting(Vulnerability::id).containsExactly("BY-SOURCE");
        assertThat(index.match(LIBSSL)).extracting(Vulnerability::id).containsExactly("BY-BINARY");
    }

    @Test
    void anAdvisoryNamingSourceAndBinaryCountsOncePerPackage() {
        String both = """
                {"id":"DSA-2","affected":[
                  {"package":{"ecosystem":"Debian:12","name":"openssl"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]},
                  {"package":{"ecosystem":"Debian:12","name":"libssl3"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}
                """;
        PackageInfo other = new PackageInfo("openssl", "3.0.11-1~deb12u2", "Debian", "12", "openssl", null);
        assertThat(Osv.index(both).match(List.of(LIBSSL, other, LIBSSL)))
                .extracting(v -> v.id() + " " + v.packageName()).containsExactly("DSA-2 libssl3", "DSA-2 openssl");
    }

    @Test
    void explicitVersionsMatchWithTheNextFix() {
        String listed = """
                {"id":"DLA-3","affected":[{"package":{"ecosystem":"Debian","name":"bash"},
                  "versions":["5.2.15-2"],
                  "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"5.0"},{"fixed":"5.1"}]},
                            {"type":"ECOSYSTEM","events":[{"introduced":"5.2"},{"fixed":"5.2.15-4"}]},
                            {"type":"ECOSYSTEM","events":[{"introduced":"5.2.15-3"},{"fixed":"5.2.15-3+x"}]}]}]}
                """;
        assertThat(Osv.index(listed).match(BASH)).singleElement()
                .satisfies(v -> assertThat(v.fixedVersion()).isEqualTo("5.2.15-3+x"));
    }

    @Test
    void packagesOfOtherEcosystemsOrWithoutAReleaseAreHandled() {
        AdvisoryIndex index = Osv.index(advisory("DSA-1", "Debian:12", "openssl", CRITICAL, "{\"introduced\":\"0\"}"),
                advisory("PYSEC-1", "PyPI", "openssl", CRITICAL, "{\"introduced\":\"0\"}"));
        PackageInfo noRelease = new PackageInfo("libssl3", "1.0", "Debian", null, "openssl", "1.0");
        assertThat(index.match(noRelease)).extracting(Vulnerability::id).containsExactly("DSA-1");
        assertThat(index.match(new PackageInfo("openssl", "1.0", "PyPI", null, null, null))).isEmpty();
        assertThat(index.match(new PackageInfo("openssl", "1.0", null, null, null, null))).isEmpty();
        assertThat(index.advisoryCount()).isEqualTo(2);
    }

    @Test
    void theIndexDoesNotChangeWhenItsBuilderDoes() {
        AdvisoryIndex.Builder builder = AdvisoryIndex.builder();
        AdvisoryIndex empty = builder.build();
        builder.add(Osv.json(advisory("DSA-1", "Debian", "openssl", CRITICAL, "{\"introduced\":\"0\"}")));
        assertThat(empty.match(LIBSSL)).isEmpty();
        assertThat(empty.advisoryCount()).isZero();
        assertThat(builder.build().match(LIBSSL)).hasSize(1);
    }

    @Test
    void answersManyThreadsAtOnceAlike() throws Exception {
        List<String> advisories = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            advisories.add(advisory("DSA-" + i, "Debian:12", i % 2 == 0 ? "openssl" : "bash", i % 3 == 0 ? CRITICAL
                    : LOW, "{\"introduced\":\"0\"},{\"fixed\":\"9:" + i + "\"}"));
        }
        AdvisoryIndex index = Osv.index(advisories.toArray(String[]::new));
        List<Vulnerability> expected = index.match(List.of(LIBSSL, BASH));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Vulnerability>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> index.match(List.of(LIBSSL, BASH))));
            }
            for (Future<List<Vulnerability>> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSize(200);
    }

    @Test
    void loadsADirectoryTreeAndSkipsWhatItCannotRead() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("osv/debian/2024"));
        Files.writeString(dir.resolve("DSA-1.json"), advisory("DSA-1", "Debian", "openssl", CRITICAL,
                "{\"introduced\":\"0\"}"));
        Files.writeString(dir.resolve("broken.json"), "{not json");
        Files.writeString(dir.resolve("no-id.json"), "{\"affected\":[]}");
        Files.writeString(dir.resolve("README.md"), "not an advisory");
        AdvisoryIndex index = AdvisoryIndex.load(tmp.resolve("osv"));
        assertThat(index.advisoryCount()).isEqualTo(1);
        assertThat(index.unreadableFiles()).isEqualTo(2);
        assertThat(index.match(LIBSSL)).hasSize(1);
    }
}
