package com.offerflow.security;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.offerflow.security.Case.row;

/**
 * {@code /engine-rest}, role by role, with Camunda's authorizations (and {@code TaskRules}) deciding: publishers and
 * reviewers work their own tasks and see nothing else, the operator reads everything and changes nothing, nobody but
 * the application starts instances or correlates messages. Reads of what a user may not read answer 404.
 */
@SecurityTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestAccessMatrixTest extends AccessChecks {

    static final String GO_LIVE = "{\"variables\":{\"signOffDecision\":{\"value\":\"GO_LIVE\"}}}";
    static final String START = "{\"businessKey\":\"forged\",\"variables\":{\"publicationId\":{\"value\":"
            + "\"{alicePublication}\"},\"publisherGroup\":{\"value\":\"publisher-fabrikam\"}}}";
    static final String CANCEL_ALICES = "{\"messageName\":\"PublicationCancelled\",\"businessKey\":"
            + "\"{alicePublication}\"}";
    static final String NEW_USER = "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\","
            + "\"email\":\"m@example.com\"},\"credentials\":{\"password\":\"Mallory-Pass-1\"}}";
    static final String GRANT_ALL = "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"{who}\",\"groupId\":null,"
            + "\"resourceType\":8,\"resourceId\":\"*\"}";
    static final String NEW_FILTER = "{\"resourceType\":\"Task\",\"name\":\"All tasks\",\"query\":{}}";

    static Stream<Case> anonymous() {
        return Stream.of(
                row(ANONYMOUS, "GET /engine-rest/engine", 401),
                row(ANONYMOUS, "GET /engine-rest/version", 401),
                row(ANONYMOUS, "GET /engine-rest/task", 401),
                row(ANONYMOUS, "GET /engine-rest/user", 401),
                row(ANONYMOUS, "GET /engine-rest/process-definition", 401),
                row(ANONYMOUS, "GET /engine-rest/history/process-instance", 401),
                row(ANONYMOUS, "POST /engine-rest/process-definition/key/PublishContainerOffer/start", START, 401),
                row(ANONYMOUS, "POST /engine-rest/message", CANCEL_ALICES, 401),
                row(ANONYMOUS, "POST /engine-rest/task/{aliceTask}/complete", GO_LIVE, 401),
                row(ANONYMOUS, "POST /engine-rest/user/create", NEW_USER, 401));
    }

    /** alice: her organisation's tasks, herself and her groups; no process, history or other users. */
    static Stream<Case> publisher() {
        return Stream.of(
                row(ALICE, "GET /engine-rest/task", 200).hiding("{bobTask}"),
                row(ALICE, "GET /engine-rest/task/{aliceTask}", 200),
                row(ALICE, "GET /engine-rest/task/{aliceTask}/form-variables", 200),
                row(ALICE, "GET /engine-rest/task/{aliceTask}/deployed-form", 200),
                row(ALICE, "GET /engine-rest/filter", 200),
                row(ALICE, "GET /engine-rest/user", 200).hiding("\"id\":\"bob\"", "\"id\":\"admin\""),
                row(ALICE, "GET /engine-rest/user/bob/profile", 404),
                row(ALICE, "GET /engine-rest/group", 200).hiding("publisher-fabrikam", "camunda-admin"),
                row(ALICE, "GET /engine-rest/process-definition", 200).hiding("{processDefinition}"),
                row(ALICE, "GET /engine-rest/process-definition/{processDefinition}", 404),
                row(ALICE, "GET /engine-rest/process-instance", 200).hiding("{aliceInstance}"),
                row(ALICE, "GET /engine-rest/process-instance/{aliceInstance}/variables", 404),
                row(ALICE, "GET /engine-rest/variable-instance", 200).hiding("{alicePublication}"),
                row(ALICE, "GET /engine-rest/history/process-instance", 200).hiding("{aliceInstance}"),
                row(ALICE, "GET /engine-rest/history/variable-instance", 200).hiding("{bobPublication}"),
                row(ALICE, "GET /engine-rest/history/task", 200).hiding("{bobTask}"),
                row(ALICE, "GET /engine-rest/history/user-operation", 200).hiding("{bobTask}"),
                row(ALICE, "GET /engine-rest/authorization", 200).hiding("\"userId\":\"bob\""),
                row(ALICE, "GET /engine-rest/deployment", 200).hiding("{deployment}"),
                row(ALICE, "GET /engine-rest/job", 200).hiding("{aliceTimerJob}"),
                row(ALICE, "POST /engine-rest/process-definition/key/PublishContainerOffer/start", START, 404),
                row(ALICE, "POST /engine-rest/message", CANCEL_ALICES, 403).hiding("{aliceInstance}"),
                row(ALICE, "POST /engine-rest/user/create", NEW_USER, 403),
                row(ALICE, "PUT /engine-rest/group/publisher-fabrikam/members/alice", 403),
                row(ALICE, "POST /engine-rest/authorization/create", GRANT_ALL.replace("{who}", "alice"), 403),
                row(ALICE, "POST /engine-rest/filter/create", NEW_FILTER, 403),
                row(ALICE, "PUT /engine-rest/task/{aliceTask}/variables/publicationId",
                        "{\"value\":\"{bobPublication}\"}", 403),
                row(ALICE, "PUT /engine-rest/task/{aliceTask}/localVariables/publicationId",
                        "{\"value\":\"{bobPublication}\"}", 403),
                row(ALICE, "POST /engine-rest/task/{aliceTask}/assignee", "{\"userId\":\"bob\"}", 403),
                row(ALICE, "POST /engine-rest/task/{aliceTask}/identity-links",
                        "{\"groupId\":\"publisher-fabrikam\",\"type\":\"candidate\"}", 403),
                row(ALICE, "POST /engine-rest/task/{aliceTask}/delegate", "{\"userId\":\"bob\"}", 403));
    }

    /** rachel: review tasks only; never a publisher's sign-off. */
    static Stream<Case> reviewer() {
        return Stream.of(
                row(RACHEL, "GET /engine-rest/task", 200).hiding("{aliceTask}", "{bobTask}"),
                row(RACHEL, "GET /engine-rest/task/{aliceTask}", 404),
                row(RACHEL, "GET /engine-rest/task/{aliceTask}/form-variables", 404),
                row(RACHEL, "POST /engine-rest/task/{aliceTask}/complete", GO_LIVE, 403),
                row(RACHEL, "POST /engine-rest/task/{aliceTask}/submit-form", GO_LIVE, 403),
                row(RACHEL, "POST /engine-rest/task/{aliceTask}/claim", "{\"userId\":\"rachel\"}", 403),
                row(RACHEL, "GET /engine-rest/process-instance/{aliceInstance}/variables", 404),
                row(RACHEL, "POST /engine-rest/process-definition/key/PublishContainerOffer/start", START, 404),
                row(RACHEL, "POST /engine-rest/message", CANCEL_ALICES, 403).hiding("{aliceInstance}"),
                row(RACHEL, "GET /engine-rest/user", 200).hiding("\"id\":\"alice\""));
    }

    /** oscar: Cockpit's reads of every instance; no completing, suspending, deleting, modifying or starting. */
    static Stream<Case> operator() {
        return Stream.of(
                row(OSCAR, "GET /engine-rest/process-definition", 200),
                row(OSCAR, "GET /engine-rest/process-instance/{aliceInstance}", 200),
                row(OSCAR, "GET /engine-rest/process-instance/{aliceInstance}/variables", 200),
                row(OSCAR, "GET /engine-rest/task/{aliceTask}", 200),
                row(OSCAR, "GET /engine-rest/history/process-instance/{aliceInstance}", 200),
                row(OSCAR, "GET /engine-rest/job/{aliceTimerJob}", 200),
                row(OSCAR, "POST /engine-rest/task/{aliceTask}/complete", GO_LIVE, 403),
                row(OSCAR, "POST /engine-rest/task/{aliceTask}/submit-form", GO_LIVE, 403),
                row(OSCAR, "POST /engine-rest/task/{aliceTask}/claim", "{\"userId\":\"oscar\"}", 403),
                row(OSCAR, "POST /engine-rest/task/{aliceTask}/assignee", "{\"userId\":\"oscar\"}", 403),
                row(OSCAR, "PUT /engine-rest/process-instance/{aliceInstance}/suspended", "{\"suspended\":true}", 403),
                row(OSCAR, "DELETE /engine-rest/process-instance/{aliceInstance}", 403),
                row(OSCAR, "POST /engine-rest/process-instance/{aliceInstance}/modification",
                        "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_PublishOffer\"}]}",
                        403),
                row(OSCAR, "PUT /engine-rest/process-instance/{aliceInstance}/variables/preparationOutcome",
                        "{\"value\":\"GO_LIVE\"}", 403),
                row(OSCAR, "POST /engine-rest/process-instance/{aliceInstance}/variables",
                        "{\"modifications\":{\"certified\":{\"value\":true}}}", 403),
                row(OSCAR, "PUT /engine-rest/job/{aliceTimerJob}/retries", "{\"retries\":0}", 403),
                row(OSCAR, "PUT /engine-rest/job/{aliceTimerJob}/duedate",
                        "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}", 403),
                row(OSCAR, "POST /engine-rest/job/{aliceTimerJob}/execute", 403),
                row(OSCAR, "PUT /engine-rest/process-definition/{processDefinition}/suspended",
                        "{\"suspended\":true,\"includeProcessInstances\":true}", 403),
                row(OSCAR, "DELETE /engine-rest/deployment/{deployment}?cascade=true", 403),
                row(OSCAR, "POST /engine-rest/process-definition/key/PublishContainerOffer/start", START, 403),
                row(OSCAR, "POST /engine-rest/message", CANCEL_ALICES, 403).hiding("{aliceInstance}"),
                row(OSCAR, "POST /engine-rest/user/create", NEW_USER, 403),
                row(OSCAR, "POST /engine-rest/authorization/create", GRANT_ALL.replace("{who}", "oscar"), 403),
                row(OSCAR, "GET /engine-rest/user", 200).hiding("\"id\":\"alice\""));
    }

    /** admin: everything, as Camunda's administrators group. */
    static Stream<Case> admin() {
        return Stream.of(
                row(ADMIN, "GET /engine-rest/task/{aliceTask}", 200),
                row(ADMIN, "GET /engine-rest/task/{bobTask}", 200),
                row(ADMIN, "GET /engine-rest/user/bob/profile", 200),
                row(ADMIN, "GET /engine-rest/authorization", 200),
                // even an admin completes a task with its form's fields only
                row(ADMIN, "POST /engine-rest/task/{aliceTask}/complete",
                        "{\"variables\":{\"signOffDecision\":{\"value\":\"GO_LIVE\"},\"publicationId\":"
                                + "{\"value\":\"{bobPublication}\"}}}", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"anonymous", "publisher", "reviewer", "operator", "admin"})
    void engineRest(Case row) {
        checkSent(row);
    }
}
