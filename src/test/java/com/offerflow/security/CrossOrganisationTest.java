package com.offerflow.security;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.offerflow.security.Case.row;

/**
 * bob (fabrikam) against alice's (contoso) offer, publication, task, certification report, preview and history, in
 * every way in: the project's API, {@code /engine-rest} and Tasklist's API. Reads answer 404, as for something that
 * does not exist (bob's own counterpart answers 200, so the 404 is not an accident); changes answer 403 or 404; and
 * nothing changes.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossOrganisationTest extends AccessChecks {

    static final String REST = "/engine-rest";
    static final String TASKLIST = "/camunda/api/engine/engine/default";

    private WebappSession tasklist;

    static Stream<Case> projectApi() {
        return Stream.of(
                row(BOB, "GET /api/offers/{bobOffer}", 200),
                row(BOB, "GET /api/offers", 200).hiding("{aliceOffer}"),
                row(BOB, "GET /api/offers/{aliceOffer}", 404),
                row(BOB, "PUT /api/offers/{aliceOffer}", "{aliceOfferJson}", 404),
                row(BOB, "PUT /api/offers/{aliceOffer}/image", "not an archive", 404),
                row(BOB, "GET /api/offers/{aliceOffer}/history", 404),
                row(BOB, "GET /api/offers/{aliceOffer}/publications", 404),
                row(BOB, "POST /api/offers/{aliceOffer}/publications", 404),
                row(BOB, "GET /api/publications/{bobPublication}", 200),
                row(BOB, "GET /api/publications/{alicePublication}", 404),
                row(BOB, "GET /api/publications/{bobPublication}/certification-report", 200),
                row(BOB, "GET /api/publications/{alicePublication}/certification-report", 404),
                row(BOB, "GET /api/publications/{bobPublication}/sbom", 200),
                row(BOB, "GET /api/publications/{alicePublication}/sbom", 404),
                row(BOB, "GET /api/publications/{bobPublication}/preview", 200),
                row(BOB, "GET /api/publications/{alicePublication}/preview", 404),
                row(BOB, "POST /api/publications/{alicePublication}/go-live", 404),
                row(BOB, "POST /api/publications/{alicePublication}/reject", "{\"comment\":\"no\"}", 404),
                row(BOB, "POST /api/publications/{alicePublication}/cancel", 404),
                row(BOB, "POST /api/publications/{aliceFindingsPublication}/resubmit", 404));
    }

    static Stream<Case> engineRest() {
        return Stream.of(
                row(BOB, "GET " + REST + "/task", 200).hiding("{aliceTask}", "{aliceFindingsTask}"),
                row(BOB, "GET " + REST + "/task/{bobTask}", 200),
                row(BOB, "GET " + REST + "/task/{aliceTask}", 404),
                row(BOB, "GET " + REST + "/task/{aliceTask}/variables", 404),
                row(BOB, "GET " + REST + "/task/{aliceTask}/form-variables", 404),
                row(BOB, "GET " + REST + "/task/{aliceTask}/deployed-form", 404),
                row(BOB, "GET " + REST + "/task/{aliceTask}/identity-links", 404),
                row(BOB, "GET " + REST + "/task/{aliceTask}/comment", 404),
                row(BOB, "GET " + REST + "/task/unknown-task/variables", 404),
                row(BOB, "POST " + REST + "/task/{aliceTask}/complete", EngineRestAccessMatrixTest.GO_LIVE, 403),
                row(BOB, "POST " + REST + "/task/{aliceTask}/submit-form", EngineRestAccessMatrixTest.GO_LIVE, 403),
                row(BOB, "POST " + REST + "/task/{aliceFindingsTask}/complete",
                        "{\"variables\":{\"resolution\":{\"value\":\"CANCEL\"}}}", 403),
                row(BOB, "POST " + REST + "/task/{aliceTask}/claim", "{\"userId\":\"bob\"}", 403),
                row(BOB, "POST " + REST + "/task/{aliceTask}/bpmnError", "{\"errorCode\":\"x\"}", 403),
                row(BOB, "PUT " + REST + "/task/{aliceTask}/variables/signOffDecision", "{\"value\":\"GO_LIVE\"}", 403),
                row(BOB, "GET " + REST + "/process-instance/{aliceInstance}", 404),
                row(BOB, "GET " + REST + "/process-instance/{aliceInstance}/variables", 404),
                row(BOB, "GET " + REST + "/process-instance?businessKey={alicePublication}", 200)
                        .hiding("{aliceInstance}"),
                row(BOB, "DELETE " + REST + "/process-instance/{aliceInstance}", 403),
                row(BOB, "POST " + REST + "/message", EngineRestAccessMatrixTest.CANCEL_ALICES, 403)
                        .hiding("{aliceInstance}"),
                row(BOB, "GET " + REST + "/history/process-instance/{aliceInstance}", 404),
                row(BOB, "GET " + REST + "/history/process-instance?processInstanceBusinessKey={alicePublication}",
                        200).hiding("{aliceInstance}"),
                row(BOB, "GET " + REST + "/history/task?processInstanceId={aliceInstance}", 200)
                        .hiding("{aliceTask}"),
                row(BOB, "GET " + REST + "/history/variable-instance?processInstanceId={aliceInstance}", 200)
                        .hiding("{alicePublication}"),
                row(BOB, "GET " + REST + "/history/activity-instance?processInstanceId={aliceInstance}", 200)
                        .hiding("{aliceTask}"),
                row(BOB, "GET " + REST + "/history/user-operation?processInstanceId={aliceInstance}", 200)
                        .hiding("{aliceTask}"),
                row(BOB, "GET " + REST + "/history/identity-link-log?taskId={aliceTask}", 200)
                        .hiding("publisher-contoso"),
                row(BOB, "GET " + REST + "/history/detail?processInstanceId={aliceInstance}", 200)
                        .hiding("{alicePublication}"));
    }

    static Stream<Case> tasklist() {
        return Stream.of(
                row(BOB, "GET " + TASKLIST + "/task", 200).hiding("{aliceTask}", "{aliceFindingsTask}"),
                row(BOB, "GET " + TASKLIST + "/task/{bobTask}/form-variables", 200),
                row(BOB, "GET " + TASKLIST + "/task/{aliceTask}", 404),
                row(BOB, "GET " + TASKLIST + "/task/{aliceTask}/form-variables", 404),
                row(BOB, "GET " + TASKLIST + "/task/{aliceTask}/deployed-form", 404),
                row(BOB, "POST " + TASKLIST + "/task/{aliceTask}/submit-form", EngineRestAccessMatrixTest.GO_LIVE,
                        403),
                row(BOB, "POST " + TASKLIST + "/task/{aliceTask}/claim", "{\"userId\":\"bob\"}", 403),
                row(BOB, "GET " + TASKLIST + "/history/task?processInstanceId={aliceInstance}", 200)
                        .hiding("{aliceTask}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"projectApi", "engineRest"})
    void overHttpBasic(Case row) {
        checkSent(row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasklist")
    void inTasklist(Case row) {
        if (tasklist == null) {
            tasklist = WebappSession.signedIn(port, BOB, "tasklist");
        }
        check(row, () -> tasklist.send(row.method(), world.resolve(row.path()), world.resolve(row.body())));
    }
}
