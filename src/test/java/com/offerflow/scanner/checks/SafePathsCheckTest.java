package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.PathIssue;
import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

class SafePathsCheckTest {

    private final SafePathsCheck check = new SafePathsCheck();

    @Test
    void passesWhenNoEntryIsSuspicious() {
        assertThat(Facts.image().statusBy(check)).isEqualTo(Verdict.Status.PASSED);
    }

    @Test
    void escapingTheRootFails() {
        var facts = Facts.image().pathIssue(PathIssue.Kind.ABSOLUTE, "/etc/cron.d/evil", null)
                .pathIssue(PathIssue.Kind.THROUGH_OWN_SYMLINK, "etc/shadow", "etc")
                .pathIssue(PathIssue.Kind.HARD_LINK_OUTSIDE, "x", "../../etc/passwd");
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.FAILED);
        assertThat(details(facts.judgedBy(check))).containsExactly(
                "absolute path: a naive extractor writes it outside the container's root file system",
                "written through the symbolic link '/etc' of the same layer: a naive extractor follows the link and "
                        + "writes wherever it points",
                "hard link to '../../etc/passwd' outside the container's root file system");
    }

    @Test
    void earlierSymlinksAndDeviceNodesOnlyWarn() {
        var facts = Facts.image().pathIssue(PathIssue.Kind.THROUGH_EARLIER_SYMLINK, "data/x", "data")
                .pathIssue(PathIssue.Kind.DEVICE_NODE, "dev/sda", "block");
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.WARNING);
        assertThat(details(facts.judgedBy(check))).containsExactly(
                "written through '/data', a symbolic link made by an earlier layer",
                "device node (block): images do not need device files; the runtime provides /dev");
    }

    @Test
    void issuesOverTheListBoundStillCountAndDecide() {
        var facts = Facts.image().pathIssue(PathIssue.Kind.DEVICE_NODE, "dev/sda", "block")
                .unlistedPathIssues(PathIssue.Kind.TRAVERSAL, 7);
        assertThat(facts.statusBy(check)).isEqualTo(Verdict.Status.FAILED);
        assertThat(details(facts.judgedBy(check))).last().isEqualTo("and 7 more of the same kind (not listed)");
    }
}
