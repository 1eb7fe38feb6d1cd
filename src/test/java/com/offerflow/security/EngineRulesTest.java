package com.offerflow.security;

import com.offerflow.support.ApiClient;
import com.offerflow.publication.PublicationRepository;
import com.offerflow.publication.PublicationStatus;
import com.offerflow.support.TestOffers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.function.UnaryOperator;

import static com.offerflow.security.Case.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What Camunda's permissions alone would let a publisher do with its own tasks, and {@code EngineRules} stops:
 * completing a sign-off with another publication's id, ending the preparation with an uncaught BPMN error and a
 * forged outcome, handing the task to another organisation, taking a colleague's claim away. And what must keep
 * working: giving back one's own claim, Tasklist's own form submission, the API's Go live, the listeners' input
 * checks answered as 400.
 */
@SecurityTest
class EngineRulesTest extends AccessChecks {

    static final String REST = "/engine-rest";

    @Autowired
    PublicationRepository publications;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    @Test
    void aCompletionCannotRedirectTheProcessToAnotherPublication() {
        checkSent(row(ALICE, "POST " + REST + "/task/{aliceTask}/complete",
                "{\"variables\":{\"signOffDecision\":{\"value\":\"GO_LIVE\"},"
                        + "\"publicationId\":{\"value\":\"{bobPublication}\"}}}", 400));
        assertThat(publications.find(world.id("bobPublication")).orElseThrow().status())
                .isEqualTo(PublicationStatus.PREVIEW);
    }

    @Test
    void aSubmittedFormCarriesItsFieldsOnly() {
        checkSent(row(ALICE, "POST " + REST + "/task/{aliceFindingsTask}/submit-form",
                "{\"variables\":{\"resolution\":{\"value\":\"RESUBMIT\"},"
                        + "\"offerId\":{\"value\":\"{bobOffer}\"}}}", 400));
    }

    @Test
    void anUncaughtBpmnErrorCannotSkipCertification() {
        checkSent(row(ALICE, "POST " + REST + "/task/{aliceFindingsTask}/bpmnError",
                "{\"errorCode\":\"skip\",\"variables\":{\"preparationOutcome\":{\"value\":\"GO_LIVE\"}}}", 403));
        checkSent(row(ALICE, "POST " + REST + "/task/{aliceFindingsTask}/bpmnEscalation",
                "{\"escalationCode\":\"skip\",\"variables\":{\"certified\":{\"value\":true}}}", 403));
    }

    @Test
    void aPublisherCannotHandItsTaskToAnotherOrganisation() {
        checkSent(row(ALICE, "POST " + REST + "/task/{aliceTask}/claim", "{\"userId\":\"bob\"}", 403));
        assertThat(http(BOB).get(world.resolve(REST + "/task/{aliceTask}")).status()).isEqualTo(404);
    }

    @Test
    void aPublisherGivesBackATaskItClaimedAndOnlyThat() {
        String task = world.id("aliceTask");
        try {
            checkSent(row(ALICE, "POST " + REST + "/task/{aliceTask}/claim", "{\"userId\":\"alice\"}", 204));
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("alice");
            checkSent(row(BOB, "POST " + REST + "/task/{aliceTask}/unclaim", "", 403));
            // a colleague of the same organisation sees the task but does not take alice's claim away
            identity.setAuthentication("carol", java.util.List.of(com.offerflow.identity.Groups.publisherGroup(
                    "contoso")));
            try {
                assertThatThrownBy(() -> tasks.claim(task, null))
                        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
                        .hasMessageContaining("can give back only tasks it claimed itself");
                assertThatThrownBy(() -> tasks.setAssignee(task, null))
                        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
            } finally {
                identity.clearAuthentication();
            }
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("alice");

            // Tasklist's "Unclaim"
            checkSent(row(ALICE, "POST " + REST + "/task/{aliceTask}/unclaim", "", 204));
            assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        } finally {
            tasks.setAssignee(task, null);
        }
    }

    @Test
    void aPublisherGoesLiveFromTasklistAndThroughTheApi() {
        String fromTasklist = world.publish(TestOffers.ALICE, UnaryOperator.identity());
        String fromApi = world.publish(TestOffers.ALICE, UnaryOperator.identity());
        world.awaitStatus(fromTasklist, PublicationStatus.PREVIEW);
        world.awaitStatus(fromApi, PublicationStatus.PREVIEW);
        String task = tasks.createTaskQuery()
                .processInstanceId(publications.find(fromTasklist).orElseThrow().processInstanceId()).singleResult()
                .getId();

        // a rejection without a comment is refused with the listener's words, and changes nothing
        ApiClient.Response rejected = checkSent(row(ALICE, "POST " + REST + "/task/" + task + "/complete",
                "{\"variables\":{\"signOffDecision\":{\"value\":\"REJECT\"}}}", 400));
        assertThat(rejected.body()).contains("'signOffComment' is required");

        // Tasklist submits every field of the form, the read-only ones too
        WebappSession tasklist = WebappSession.signedIn(port, ALICE, "tasklist");
        ApiClient.Response submitted = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task
                + "/submit-form", "{\"variables\":{\"offerName\":{\"value\":\"x\",\"type\":\"String\"},"
                + "\"previewLink\":{\"value\":\"x\",\"type\":\"String\"},"
                + "\"signOffDecision\":{\"value\":\"GO_LIVE\",\"type\":\"String\"},"
                + "\"signOffComment\":{\"value\":\"ship it\",\"type\":\"String\"}}}");
        assertThat(submitted.status()).as("%s", submitted).isEqualTo(204);

        ApiClient.Response goLive = http(ALICE).send("POST", "/api/publications/" + fromApi + "/go-live",
                "application/json", "{\"comment\":\"ship it\"}");
        assertThat(goLive.status()).as("%s", goLive).isEqualTo(202);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                publications.find(fromTasklist).orElseThrow().status() == PublicationStatus.LIVE
                        && publications.find(fromApi).orElseThrow().status() == PublicationStatus.LIVE);
    }

}
