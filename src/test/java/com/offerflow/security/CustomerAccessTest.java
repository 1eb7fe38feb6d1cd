package com.offerflow.security;

import com.offerflow.support.ApiClient;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers (carol, dave: users of subscriptions) may use the registry token service and nothing else: the API, the
 * engine REST API and every webapp refuse them, while the same credentials get them a token.
 */
@SecurityTest
class CustomerAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void customersAreRefusedByTheApiAndTheEngineRestApi() {
        for (String customer : new String[] {"carol", "dave"}) {
            ApiClient.As http = new ApiClient(port).as(customer);
            ApiClient.Response offers = http.get("/api/offers");
            assertThat(offers.status()).as(customer + ": " + offers).isEqualTo(403);
            assertThat(http.send("POST", "/api/offers", "application/json", "{}").status()).isEqualTo(403);
            // the engine API answers a refused read as missing (EngineApiResponses), a refused change with 403
            assertThat(http.get("/engine-rest/task").status()).as(customer).isEqualTo(404);
            assertThat(http.get("/engine-rest/process-definition").status()).isEqualTo(404);
            assertThat(http.send("POST", "/engine-rest/process-definition/key/PublishContainerOffer/start",
                    "application/json", "{}").status()).isEqualTo(403);
        }
    }

    @Test
    void customersCannotSignInToAnyWebapp() {
        for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
            ApiClient.Response login = WebappSession.open(port).login("carol", app);
            assertThat(login.status()).as(app + ": " + login).isNotEqualTo(200);
        }
    }

    @Test
    void customersGetTokensFromTheTokenService() {
        ApiClient.Response token = new ApiClient(port).as("carol").get("/auth/token?service=offerflow");
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.body()).contains("\"token\"", "\"access_token\"", "\"expires_in\"", "\"issued_at\"");
        assertThat(new ApiClient(port).as("carol", "wrong").get("/auth/token?service=offerflow").status())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordsAtTheTokenServiceCountTowardsTheAccountsLockout() {
        String victim = "token-victim-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(victim);
        user.setPassword("Correct-Horse-1");
        identity.saveUser(user);
        try {
            assertThat(new ApiClient(port).as(victim, "wrong").get("/auth/token?service=offerflow").status()).isEqualTo(401);
            assertThat(jdbc.queryForObject("select ATTEMPTS_ from ACT_ID_USER where ID_ = ?", Integer.class, victim))
                    .as("the same lockout as the API's").isEqualTo(1);
        } finally {
            identity.deleteUser(victim);
        }
    }
}
