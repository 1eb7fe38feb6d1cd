package com.offerflow.security;

import com.offerflow.support.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.offerflow.security.Case.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camunda's webapps as a browser uses them: a real sign-in (session and XSRF cookie), then the webapps' own API
 * under {@code /camunda/api}. Who may enter which app, what each role sees in Tasklist and Cockpit, and that the
 * webapps' CSRF protection holds.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappAccessMatrixTest extends AccessChecks {

    static final String ENGINE = "/camunda/api/engine/engine/default";
    static final String LOGIN = "/camunda/api/admin/auth/user/default/login/";
    static final String GO_LIVE = EngineRestAccessMatrixTest.GO_LIVE;

    private final Map<String, WebappSession> sessions = new HashMap<>();

    /** Which app each role may sign in to. */
    static Stream<Case> signIn() {
        return Stream.of(
                row(ALICE, "POST " + LOGIN + "tasklist", 200),
                row(ALICE, "POST " + LOGIN + "cockpit", 403),
                row(ALICE, "POST " + LOGIN + "admin", 403),
                row(BOB, "POST " + LOGIN + "tasklist", 200),
                row(RACHEL, "POST " + LOGIN + "tasklist", 200),
                row(RACHEL, "POST " + LOGIN + "cockpit", 403),
                row(RACHEL, "POST " + LOGIN + "admin", 403),
                row(OSCAR, "POST " + LOGIN + "cockpit", 200),
                row(OSCAR, "POST " + LOGIN + "tasklist", 200),
                row(OSCAR, "POST " + LOGIN + "admin", 403),
                row(ADMIN, "POST " + LOGIN + "admin", 200),
                row(ADMIN, "POST " + LOGIN + "cockpit", 200));
    }

    /** After signing in (publishers and the reviewer to Tasklist, the operator to Cockpit, the admin to Admin). */
    static Stream<Case> webappApi() {
        return Stream.of(
                row(ANONYMOUS, "GET " + ENGINE + "/task", 401),
                row(ANONYMOUS, "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics", 401),
                row(ANONYMOUS, "POST " + ENGINE + "/task/{aliceTask}/submit-form", GO_LIVE, 401),

                row(ALICE, "GET " + ENGINE + "/task", 200).hiding("{bobTask}"),
                // a query sent as POST passes the webapps' CSRF check: the refusals below are the engine's
                row(ALICE, "POST " + ENGINE + "/task", "{}", 200).hiding("{bobTask}"),
                row(ALICE, "GET " + ENGINE + "/filter?resourceType=Task", 200),
                row(ALICE, "GET " + ENGINE + "/task/{aliceTask}/form-variables", 200),
                row(ALICE, "GET " + ENGINE + "/task/{aliceTask}/deployed-form", 200),
                row(ALICE, "GET " + ENGINE + "/process-instance", 200).hiding("{aliceInstance}"),
                row(ALICE, "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics", 200)
                        .hiding("{processDefinition}"),
                row(ALICE, "POST " + ENGINE + "/user/create", EngineRestAccessMatrixTest.NEW_USER, 403),
                row(ALICE, "POST " + ENGINE + "/task/{aliceTask}/claim", "{\"userId\":\"bob\"}", 403),

                row(RACHEL, "GET " + ENGINE + "/task", 200).hiding("{aliceTask}", "{bobTask}"),
                row(RACHEL, "POST " + ENGINE + "/task", "{}", 200).hiding("{aliceTask}", "{bobTask}"),
                row(RACHEL, "GET " + ENGINE + "/task/{aliceTask}/form-variables", 404),
                row(RACHEL, "POST " + ENGINE + "/task/{aliceTask}/submit-form", GO_LIVE, 403),
                row(RACHEL, "POST " + ENGINE + "/task/{aliceTask}/complete", GO_LIVE, 403),

                row(OSCAR, "GET " + ENGINE + "/task", 200),
                row(OSCAR, "POST " + ENGINE + "/task", "{}", 200),
                row(OSCAR, "GET " + ENGINE + "/process-instance/{aliceInstance}/variables", 200),
                row(OSCAR, "GET /camunda/api/cockpit/plugin/base/default/process-definition/statistics", 200),
                row(OSCAR, "POST " + ENGINE + "/task/{aliceTask}/submit-form", GO_LIVE, 403),
                row(OSCAR, "POST " + ENGINE + "/task/{aliceTask}/claim", "{\"userId\":\"oscar\"}", 403),
                row(OSCAR, "PUT " + ENGINE + "/process-instance/{aliceInstance}/suspended", "{\"suspended\":true}",
                        403),
                row(OSCAR, "DELETE " + ENGINE + "/process-instance/{aliceInstance}", 403),
                row(OSCAR, "PUT " + ENGINE + "/process-instance/{aliceInstance}/variables/certified",
                        "{\"value\":true}", 403),
                row(OSCAR, "PUT " + ENGINE + "/job/{aliceTimerJob}/retries", "{\"retries\":0}", 403),
                row(OSCAR, "POST " + ENGINE + "/job/{aliceTimerJob}/execute", 403),
                row(OSCAR, "POST " + ENGINE + "/user/create", EngineRestAccessMatrixTest.NEW_USER, 403),
                row(OSCAR, "PUT " + ENGINE + "/group/camunda-admin/members/oscar", 403),

                row(ADMIN, "GET " + ENGINE + "/task/{aliceTask}/form-variables", 200),
                row(ADMIN, "GET " + ENGINE + "/user", 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signIn")
    void signIn(Case row) {
        String app = row.path().substring(LOGIN.length());
        check(row, () -> WebappSession.open(port).login(row.who(), app));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webappApi")
    void webappApi(Case row) {
        WebappSession session = session(row.who());
        check(row, () -> session.send(row.method(), world.resolve(row.path()), world.resolve(row.body())));
    }

    @Test
    void aChangeWithoutTheXsrfTokenIsRefusedAndChangesNothing() {
        Case forged = row(ALICE, "POST " + ENGINE + "/task/{aliceTask}/claim", "{\"userId\":\"alice\"}", 403);
        WebappSession alice = WebappSession.signedIn(port, ALICE, "tasklist");
        check(forged, () -> alice.sendWithoutXsrfToken(forged.method(), world.resolve(forged.path()),
                world.resolve(forged.body())));

        // the refusal cost the session (the webapps sign out on a CSRF failure)
        assertThat(alice.get(ENGINE + "/task").status()).isEqualTo(401);
        // with the token, alice's request passes the check
        WebappSession withToken = WebappSession.signedIn(port, ALICE, "tasklist");
        assertThat(withToken.send("POST", ENGINE + "/task", "{}").status()).isEqualTo(200);
    }

    @Test
    void theFirstAdminCannotBeSetUpAgainFromOutside() {
        Case row = row(ANONYMOUS, "POST /camunda/api/admin/setup/default/user/create",
                EngineRestAccessMatrixTest.NEW_USER, 403);
        WebappSession stranger = WebappSession.open(port);
        check(row, () -> stranger.send(row.method(), row.path(), row.body()));
    }

    @Test
    void signingInNeedsTheXsrfToken() {
        WebappSession session = WebappSession.open(port);
        ApiClient.Response login = new ApiClient(port).as(ANONYMOUS).send("POST",
                "/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
                "username=alice&password=alice");
        assertThat(login.status()).isEqualTo(403);
        assertThat(session.login(ALICE, "tasklist").status()).isEqualTo(200);
    }

    private WebappSession session(String who) {
        return sessions.computeIfAbsent(who, user -> switch (user) {
            case ANONYMOUS -> WebappSession.open(port);
            case OSCAR -> WebappSession.signedIn(port, user, "cockpit");
            case ADMIN -> WebappSession.signedIn(port, user, "admin");
            default -> WebappSession.signedIn(port, user, "tasklist");
        });
    }
}
