package com.offerflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Requests to the running application over real HTTP, as one of the demo users (HTTP Basic) or anonymously: the
 * project's API and {@code /engine-rest}.
 */
final class Http {

    static final String ANONYMOUS = "anonymous";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;
    private final String user;
    private final String password;

    private Http(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The demo user (whose password is its name), or nobody for {@link #ANONYMOUS}. */
    static Http as(int port, String user) {
        return ANONYMOUS.equals(user) ? new Http(port, null, null) : new Http(port, user, user);
    }

    static Http as(int port, String user, String password) {
        return new Http(port, user, password);
    }

    Response get(String path) {
        return send("GET", path, null, (String) null);
    }

    Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    Response send(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return Response.of(exchange(CLIENT, request.build()));
    }

    static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, String contentType) {

        static Response of(HttpResponse<String> response) {
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }
}
