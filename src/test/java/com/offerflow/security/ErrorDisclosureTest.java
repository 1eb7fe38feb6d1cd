package com.offerflow.security;

import com.offerflow.support.ApiClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.offerflow.security.Case.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error answers say what went wrong in the caller's terms, never how: no stack trace, SQL, exception class path or
 * file path, from the project's API, {@code /engine-rest}, the webapps' API and the error page. A server error on
 * the engine APIs names a reference to the server log instead of Camunda's message.
 */
@SecurityTest
class ErrorDisclosureTest extends AccessChecks {

    static Stream<Case> errors() {
        return Stream.of(
                // the project's API
                row(ALICE, "POST /api/offers", "{\"offerId\": ", 400),
                row(ALICE, "POST /api/offers", "{\"offerId\":\"x\",\"unknown\":1}", 400),
                row(ALICE, "POST /api/offers", "[]", 400),
                row(ALICE, "GET /api/offers/no-such-offer", 404),
                row(ALICE, "PATCH /api/offers/{aliceOffer}", "{}", 405),
                row(ALICE, "PUT /api/offers/{aliceOffer}", "<offer/>", 400),
                row(ALICE, "PUT /api/offers/{aliceOffer}/image", "not an archive at all", 422),
                row(ANONYMOUS, "GET /api/offers", 401),
                // /engine-rest
                row(ALICE, "GET /engine-rest/task?maxResults=-5", 500),
                row(ALICE, "GET /engine-rest/task?dueAfter=not-a-date", 400),
                row(ALICE, "POST /engine-rest/task", "{\"name\": ", 400),
                row(ALICE, "POST /engine-rest/task", "{\"processVariables\":[{\"name\":\"x\",\"operator\":\"eq\","
                        + "\"value\":{\"a\":1}}]}", 500),
                row(ALICE, "GET /engine-rest/no-such-resource", 404),
                row(ALICE, "POST /engine-rest/task/{aliceTask}/complete",
                        "{\"variables\":{\"signOffDecision\":{\"value\":\"MAYBE\"}}}", 400),
                // the error page
                row(ALICE, "GET /api/offers/a;b", 400),
                row(ALICE, "GET /api/offers/a%2Fb", 400),
                row(ANONYMOUS, "GET /camunda/no-such-page", 404),
                row(ANONYMOUS, "GET /camunda/api/admin/no-such-resource", 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsLeakNoInternals(Case row) {
        ApiClient.Response response = checkSent(row);
        if (row.path().startsWith("/engine-rest") && row.expected() == 500) {
            assertThat(response.body()).contains("reference").doesNotContain("persistence", "Object values");
        }
    }
}
