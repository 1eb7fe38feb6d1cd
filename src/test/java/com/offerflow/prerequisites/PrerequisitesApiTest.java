package com.offerflow.prerequisites;

import com.fasterxml.jackson.databind.JsonNode;
import com.offerflow.offer.OfferJson;
import com.offerflow.support.ProcessDriver;
import com.offerflow.support.ApiClient;
import com.offerflow.web.Publishing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;

import static com.offerflow.offer.OfferJson.technical;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 1 as the publisher follows it over HTTP: every prerequisite that is not met comes back at once in the
 * publication's findings, each with its field path, rule, message and suggestion.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test", "manual"})
class PrerequisitesApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProcessDriver driver;

    ApiClient api;
    Publishing publishing;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        publishing = new Publishing(api, driver);
    }

    @AfterEach
    void cleanUp() {
        driver.deleteAllInstances();
    }

    @Test
    void everyUnmetPrerequisiteIsAFindingAtOnce() {
        String id = publishing.createOffer(o -> {
            o.set("previewAudience", OfferJson.array());
            technical(o).set("tags", OfferJson.array("1.0.0", "2.0", "latest", "3.0.1"));
        }, false);

        String publication = publishing.start(id);

        JsonNode view = publishing.publication(publication);
        assertThat(view.path("status").asText()).isEqualTo("ATTENTION_NEEDED");
        assertThat(findings(view)).containsExactly("image ImageRequired",
                "previewAudience PreviewAudienceRequired");

        publishing.uploadImage(id);
        assertThat(api.post("alice", "/api/publications/" + publication + "/resubmit", "{}").status())
                .isEqualTo(202);
        driver.runJobs(publication);

        view = publishing.publication(publication);
        assertThat(view.path("status").asText()).isEqualTo("ATTENTION_NEEDED");
        assertThat(findings(view)).containsExactly("previewAudience PreviewAudienceRequired",
                "technicalConfiguration.tags[1] TagInImage", "technicalConfiguration.tags[3] TagInImage");
        assertThat(view.path("findings")).allSatisfy(finding -> {
            assertThat(finding.path("step").asText()).isEqualTo("VALIDATE_PREREQUISITES");
            assertThat(finding.path("message").asText()).isNotBlank();
            assertThat(finding.path("suggestion").asText()).isNotBlank();
        });
        assertThat(view.path("findings").get(1).path("message").asText())
                .isEqualTo("tag '2.0' is not in the uploaded image's index (it has: 1.0.0, latest)");
    }

    @Test
    void aRepositoryMovedWhileTheFirstPublicationRanIsAFindingOfTheNext() {
        String id = publishing.createOffer();
        String first = publishing.start(id);
        // not live yet: the repository may still change, but the first publication took the old one
        assertThat(publishing.edit(id, o -> technical(o).put("repositoryName", "contoso/moved")).status())
                .isEqualTo(200);
        publishing.toPreview(first);
        publishing.selectGoLive(first);
        publishing.finish(first);

        String second = publishing.start(id);

        JsonNode view = publishing.publication(second);
        assertThat(view.path("status").asText()).isEqualTo("ATTENTION_NEEDED");
        assertThat(findings(view)).containsExactly("technicalConfiguration.repositoryName RepositoryUnchanged");
        assertThat(view.path("findings").get(0).path("message").asText()).contains("'contoso/" + id + "'");
    }

    private static List<String> findings(JsonNode publication) {
        List<String> findings = new ArrayList<>();
        publication.path("findings").forEach(f -> findings.add(f.path("field").asText() + " "
                + f.path("rule").asText()));
        return findings;
    }
}
