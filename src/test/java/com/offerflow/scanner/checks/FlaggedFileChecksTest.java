package com.offerflow.scanner.checks;

import com.offerflow.scanner.facts.FlaggedFile;
import org.junit.jupiter.api.Test;

import static com.offerflow.scanner.checks.Facts.details;
import static org.assertj.core.api.Assertions.assertThat;

/** malware-signatures, malware-clamd and secrets: each fails the flagged files of its own kind. */
class FlaggedFileChecksTest {

    private static final FlaggedFile.Later DELETED = new FlaggedFile.Later(true, 3, 2);

    private final Facts infected = Facts.image()
            .flagged(FlaggedFile.Kind.MALWARE_SIGNATURE, "tmp/eicar.com", "matches signature Eicar", DELETED)
            .flagged(FlaggedFile.Kind.SECRET, "app/.env", "AWS access key ID (AKIA****)",
                    new FlaggedFile.Later(false, 3, 2))
            .flagged(FlaggedFile.Kind.CLAMD, "opt/x.bin", "ClamAV found Test.Pattern", null);

    @Test
    void malwareSignaturesFailsItsFilesAndSaysTheyAreStillShipped() {
        var result = infected.judgedBy(new MalwareSignaturesCheck());
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.path()).isEqualTo("tmp/eicar.com");
            assertThat(e.layerIndex()).isEqualTo(1);
            assertThat(e.detail()).isEqualTo("matches signature Eicar; deleted by layer 3 (whiteout), but still "
                    + "shipped in layer 2 and readable by anyone who pulls the image");
        });
    }

    @Test
    void secretsFailsItsFilesAndCountsTheUnlisted() {
        var result = infected.unlistedFlagged(4).judgedBy(new SecretsCheck());
        assertThat(details(result)).containsExactly("AWS access key ID (AKIA****); replaced by layer 3, but the "
                + "original is still shipped in layer 2", "and 4 more findings of malware or secrets (not listed)");
    }

    @Test
    void clamdFailsItsFilesAndIsAnErrorWhenItFailed() {
        assertThat(infected.clamd(null, null).statusBy(new MalwareClamdCheck())).isEqualTo(Verdict.Status.FAILED);
        assertThat(details(Facts.image().clamd("Connection refused", null).judgedBy(new MalwareClamdCheck())))
                .containsExactly("clamd at 127.0.0.1:3310 does not answer: Connection refused");
        assertThat(details(Facts.image().clamd(null, "Broken pipe").judgedBy(new MalwareClamdCheck())))
                .containsExactly("clamd at 127.0.0.1:3310 failed: Broken pipe; files after this point were not sent "
                        + "to clamd");
        assertThat(new MalwareClamdCheck().evaluate(Facts.image().build())).as("no clamd configured").isEmpty();
    }

    @Test
    void unreadableSignatureFilesAreAnError() {
        var facts = Facts.image().signatureProblem("cannot read signature file x.hdb");
        assertThat(facts.statusBy(new MalwareSignaturesCheck())).isEqualTo(Verdict.Status.ERROR);
    }

    @Test
    void malwareAndSecretsSayTheyDidNotRunWhenALimitKeptTheLayersUnread() {
        var facts = Facts.image().layersNotRead("the image is too large");
        assertThat(details(facts.judgedBy(new MalwareSignaturesCheck())))
                .containsExactly("not run: the image is too large");
        assertThat(facts.statusBy(new SecretsCheck())).isEqualTo(Verdict.Status.ERROR);
        assertThat(new MalwareClamdCheck().evaluate(facts.clamd(null, null).build())).isEmpty();
    }

    @Test
    void cleanFilesPass() {
        for (ImageCheck check : new ImageCheck[]{new MalwareSignaturesCheck(), new SecretsCheck()}) {
            assertThat(Facts.image().statusBy(check)).isEqualTo(Verdict.Status.PASSED);
        }
    }
}
