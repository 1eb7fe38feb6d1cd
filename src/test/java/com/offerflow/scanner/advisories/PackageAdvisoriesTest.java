package com.offerflow.scanner.advisories;

import com.offerflow.scanner.report.PackageInfo;
import com.offerflow.scanner.report.Vulnerability;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The searched and the evaluated advisories of a package together give what OSV's rules say, in their order. */
class PackageAdvisoriesTest {

    private record Range(String introduced, String fixed, String release) {
    }

    @Test
    void findsExactlyTheAdvisoriesWhoseRangeHoldsTheVersion() {
        SplittableRandom random = new SplittableRandom(7);
        String[] versions = {"1.0-1", "1.0-2", "1.0-2+b1", "1.0.1-1", "1.0.1-1~deb12u1", "1.1~rc1-1", "1.1-1",
                "1:0.9-1", "2.0-1", "1.00-1"};
        Map<String, Range> ranges = new LinkedHashMap<>();
        List<String> advisories = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String fixed = versions[random.nextInt(versions.length)];
            String introduced = random.nextInt(4) == 0 ? versions[random.nextInt(versions.length)] : "0";
            String release = random.nextInt(3) == 0 ? "11" : "12";
            String id = "DSA-" + i;
            ranges.put(id, new Range(introduced, fixed, release));
            advisories.add(Osv.advisory(id, "Debian:" + release, "openssl", "",
                    "{\"introduced\":\"" + introduced + "\"},{\"fixed\":\"" + fixed + "\"}"));
        }
        AdvisoryIndex index = Osv.index(advisories.toArray(String[]::new));
        for (String version : versions) {
            for (String release : new String[]{"12", null}) {
                PackageInfo p = new PackageInfo("openssl", version, "Debian", release, "openssl", version);
                List<String> expected = new ArrayList<>();
                ranges.forEach((id, r) -> {
                    boolean inRelease = release == null || r.release().equals(release);
                    boolean introduced = r.introduced().equals("0")
                            || DebianVersion.compare(version, r.introduced()) >= 0;
                    int order = r.introduced().equals("0") ? -1 : DebianVersion.compare(r.introduced(), r.fixed());
                    if (inRelease && introduced && order < 0 && DebianVersion.compare(version, r.fixed()) < 0) {
                        expected.add(id + " fixed in " + r.fixed());
                    } else if (inRelease && introduced && order > 0) {
                        expected.add(id + " fixed in null"); // introduced again after the fix: no fix known
                    }
                });
                assertThat(index.match(p)).as(version + " in release " + release)
                        .extracting(v -> v.id() + " fixed in " + v.fixedVersion()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void anAdvisoryListedTwiceForAPackageGivesItsFirstAffectingEntry() {
        String twice = """
                {"id":"DSA-9","affected":[
                  {"package":{"ecosystem":"Debian:11","name":"bash"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"6.0-1"}]}]},
                  {"package":{"ecosystem":"Debian:12","name":"bash"},
                   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.3-1"}]}]}]}
                """;
        AdvisoryIndex index = Osv.index(twice);
        List<Vulnerability> anyRelease = index.match(new PackageInfo("bash", "5.2-1", "Debian", null, null, null));
        assertThat(anyRelease).extracting(Vulnerability::fixedVersion).containsExactly("6.0-1");
        List<Vulnerability> bookworm = index.match(new PackageInfo("bash", "5.2-1", "Debian", "12", null, null));
        assertThat(bookworm).extracting(Vulnerability::fixedVersion).containsExactly("5.3-1");
    }
}
