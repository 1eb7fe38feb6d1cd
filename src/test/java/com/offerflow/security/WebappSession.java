package com.offerflow.security;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser's session with Camunda's webapps: the session cookie and the XSRF-TOKEN cookie, which modifying
 * requests echo in the {@code X-XSRF-TOKEN} header as Tasklist, Cockpit and Admin do.
 */
final class WebappSession {

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    private WebappSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A session that opened the webapps' start page (and so holds an XSRF token), not signed in. */
    static WebappSession open(int port) {
        WebappSession session = new WebappSession(port);
        Http.Response page = session.request("GET", "/camunda/app/tasklist/default/", null, null, false);
        if (page.status() != 200 || !page.body().contains("</html>") || session.xsrfToken() == null) {
            throw new IllegalStateException("The webapp's page did not arrive whole with an XSRF token: " + page);
        }
        return session;
    }

    /** Signs the demo user (password = name) in to one of the apps: tasklist, cockpit or admin. */
    Http.Response login(String user, String app) {
        return login(user, user, app);
    }

    Http.Response login(String user, String password, String app) {
        Http.Response login = request("POST", "/camunda/api/admin/auth/user/default/login/" + app,
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
        Http.Response login = session.login(user, app);
        if (login.status() != 200) {
            throw new IllegalStateException(user + " cannot sign in to " + app + ": " + login);
        }
        return session;
    }

    Http.Response get(String path) {
        return request("GET", path, null, null, false);
    }

    /** A request as the webapps send it: with the XSRF token on modifying requests. */
    Http.Response send(String method, String path, String body) {
        return request(method, path, body == null ? null : "application/json", body, true);
    }

    /** A modifying request without the XSRF header, as a forged cross-site request would come. */
    Http.Response sendWithoutXsrfToken(String method, String path, String body) {
        return request(method, path, body == null ? null : "application/json", body, false);
    }

    private Http.Response request(String method, String path, String contentType, String body, boolean xsrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json, text/plain, */*");
        String token = xsrfToken();
        if (xsrf && token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return Http.Response.of(Http.exchange(client, request.build()));
    }

    private String xsrfToken() {
        return cookies.getCookieStore().get(URI.create("http://localhost:" + port + "/camunda/")).stream()
                .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName())).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }
}
