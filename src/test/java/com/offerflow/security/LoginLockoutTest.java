package com.offerflow.security;

import com.offerflow.support.ApiClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wrong password locks the account for a while (Camunda: 3 s, doubling with every further failure up to 60 s,
 * for good after 10), in every way in (the API, /engine-rest, the webapps), and nobody else. Throwaway users only: a
 * locked demo user would break the other tests.
 */
@SecurityTest
class LoginLockoutTest extends AccessChecks {

    private static final String PASSWORD = "Correct-Horse-1";

    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    private String victim;
    private String bystander;

    @BeforeEach
    void throwawayUsers() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        victim = user("locked-" + suffix);
        bystander = user("bystander-" + suffix);
    }

    @AfterEach
    void removeThem() {
        identity.deleteUser(victim);
        identity.deleteUser(bystander);
    }

    @Test
    void wrongPasswordsLockTheAccountEverywhereLongerEachTimeAndNobodyElse() {
        Instant firstFailure = Instant.now();
        assertThat(new ApiClient(port).as(victim, "wrong").get("/api/offers").status()).isEqualTo(401);
        // locked: the right password does not help
        assertThat(new ApiClient(port).as(victim, PASSWORD).get("/api/offers").status()).isEqualTo(401);
        assertThat(attempts(victim)).isEqualTo(1);
        // lock lengths from the failed attempt, so that slow requests after it do not count
        Duration firstLock = Duration.between(firstFailure, lockedUntil(victim));
        // others are not locked out
        assertThat(new ApiClient(port).as(bystander, PASSWORD).get("/api/offers").status()).isEqualTo(200);
        assertThat(http(ALICE).get("/api/offers").status()).isEqualTo(200);

        // a wrong password on /engine-rest locks the webapps' sign-in too, and for longer
        WebappSession tasklist = WebappSession.open(port);
        awaitUnlocked();
        Instant secondFailure = Instant.now();
        assertThat(new ApiClient(port).as(victim, "wrong again").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(tasklist.login(victim, PASSWORD, "tasklist").status()).isNotEqualTo(200);
        assertThat(attempts(victim)).isEqualTo(2);
        assertThat(Duration.between(secondFailure, lockedUntil(victim))).isGreaterThan(firstLock);

        // once the lock ended, the right password works and resets the count
        awaitUnlocked();
        assertThat(new ApiClient(port).as(victim, PASSWORD).get("/api/offers").status()).isEqualTo(200);
        assertThat(attempts(victim)).isZero();
    }

    private void awaitUnlocked() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() ->
                lockedUntil(victim).isBefore(Instant.now()));
    }

    private String user(String id) {
        User user = identity.newUser(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        return id;
    }

    private int attempts(String userId) {
        Integer attempts = jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class,
                userId);
        return attempts == null ? 0 : attempts;
    }

    private Instant lockedUntil(String userId) {
        Timestamp until = jdbc.queryForObject("select LOCK_EXP_TIME_ from ACT_ID_USER where ID_ = ?",
                Timestamp.class, userId);
        return until == null ? Instant.EPOCH : until.toInstant();
    }
}
