package com.offerflow.security;

import com.offerflow.support.ApiClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with Camunda's webapps: the session cookie and the XSRF-TOKEN cookie, which modifying
 * requests echo in the {@code X-XSRF-TOKEN} header as Tasklist, Cockpit and Admin do.
 */
final class WebappSession {

    private static final String ACCEPT = "application/json, text/plain, */*";

    private final ApiClient client;

    private WebappSession(int port) {
        this.client = ApiClient.withCookies(port);
    }

    /** A session that opened the webapps' start page (and so holds an XSRF token), not signed in. */
    static WebappSession open(int port) {
        WebappSession session = new WebappSession(port);
        ApiClient.Response page = session.request("GET", "/camunda/app/tasklist/default/", null, null, false);
        if (page.status() != 200 || !page.body().contains("</html>") || session.xsrfToken() == null) {
            throw new IllegalStateException("The webapp's page did not arrive whole with an XSRF token: " + page);
        }
        return session;
    }

    /** Signs the demo user (password = name) in to one of the apps: tasklist, cockpit or admin. */
    ApiClient.Response login(String user, String app) {
        return login(user, user, app);
    }

    ApiClient.Response login(String user, String password, String app) {
        ApiClient.Response login = request("POST", "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), true);
        if (login.status() == 200) {
            // the sign-in starts a new session with a new token, handed out on the next read (the webapps ask who
            // signed in); modifying requests before it are refused
            request("GET", "/camunda/api/admin/auth/user/default", null, null, false);
        }
        return login;
    }

    static WebappSession signedIn(int port, String user, String app) {
        WebappSession session = open(port);
        ApiClient.Response login = session.login(user, app);
        if (login.status() != 200) {
            throw new IllegalStateException(user + " cannot sign in to " + app + ": " + login);
        }
        return session;
    }

    ApiClient.Response get(String path) {
        return request("GET", path, null, null, false);
    }

    /** A request as the webapps send it: with the XSRF token on modifying requests. */
    ApiClient.Response send(String method, String path, String body) {
        return request(method, path, body == null ? null : "application/json", body, true);
    }

    /** A modifying request without the XSRF header, as a forged cross-site request would come. */
    ApiClient.Response sendWithoutXsrfToken(String method, String path, String body) {
        return request(method, path, body == null ? null : "application/json", body, false);
    }

    private ApiClient.Response request(String method, String path, String contentType, String body, boolean xsrf) {
        String token = xsrfToken();
        return xsrf && token != null
                ? client.as(null).send(method, path, contentType, body, "Accept", ACCEPT, "X-XSRF-TOKEN", token)
                : client.as(null).send(method, path, contentType, body, "Accept", ACCEPT);
    }

    private String xsrfToken() {
        return client.cookies("/camunda/").get("XSRF-TOKEN");
    }
}
