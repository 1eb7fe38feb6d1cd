package com.offerflow.security;

import com.offerflow.support.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a {@link Case}: the status, what the answer hides, that a refusal changed nothing and leaked nothing. */
abstract class AccessChecks {

    static final String ANONYMOUS = ApiClient.ANONYMOUS;
    static final String ALICE = "alice";
    static final String BOB = "bob";
    static final String RACHEL = "rachel";
    static final String OSCAR = "oscar";
    static final String ADMIN = "admin";

    /** Stack frames, SQL, exception class paths and file paths: none belongs in an answer. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\tat |\\bat [a-z]+\\.[a-z]+\\.[\\w.$]+\\(|java\\.lang\\.|org\\.springframework\\.|org\\.h2\\."
                    + "|\\bSQL\\b|(?i:select .+ from )|(?i:insert into )|\\w+Exception: |/work/|/tmp/|target/test-data"
                    + "|\\.java:\\d+");

    @Autowired
    World world;
    @Autowired
    StateSnapshot state;
    @LocalServerPort
    int port;

    /** The world exists before any test looks at the state or the files. */
    @BeforeEach
    void worldExists() {
        world.id("aliceOffer");
    }

    ApiClient.As http(String who) {
        return new ApiClient(port).as(who);
    }

    /** Sends the row's request over HTTP Basic and checks the answer. */
    ApiClient.Response checkSent(Case row) {
        return check(row, () -> send(row));
    }

    ApiClient.Response check(Case row, Supplier<ApiClient.Response> request) {
        Map<String, List<String>> before = row.refused() ? state.capture() : null;
        ApiClient.Response response = request.get();
        assertThat(response.status()).as("%s answered %s", row, response).isEqualTo(row.expected());
        for (String hidden : row.hidden()) {
            assertThat(response.body()).as("%s must not show %s", row, hidden).doesNotContain(world.resolve(hidden));
        }
        if (row.refused()) {
            assertNoInternals(response.body());
            assertThat(StateSnapshot.differences(before, state.capture())).as("%s changed the state", row).isEmpty();
        }
        return response;
    }

    /** Sends the row's request over HTTP Basic (the API and /engine-rest). */
    ApiClient.Response send(Case row) {
        String body = world.resolve(row.body());
        return http(row.who()).send(row.method(), world.resolve(row.path()),
                body == null ? null : contentType(row), body);
    }

    static String contentType(Case row) {
        if (row.path().endsWith("/image")) {
            return "application/x-tar";
        }
        return "application/json";
    }

    static void assertNoInternals(String body) {
        assertThat(INTERNALS.matcher(body).find()).as("the answer leaks internals: %s", body).isFalse();
    }
}
