package com.offerflow.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tests' one HTTP client of the running application (the API, {@code /engine-rest}, the webapps), as a client
 * sees it: requests with HTTP Basic credentials of the demo users (alice/alice of contoso, bob/bob of fabrikam,
 * admin/admin), of any user and password ({@link #as(String, String)}), or none ({@link #ANONYMOUS}); with a
 * browser's cookies where asked ({@link #withCookies}); redirects are not followed. Responses with status, headers,
 * raw body and JSON.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    /** The user name that sends no credentials. */
    public static final String ANONYMOUS = "anonymous";

    private final HttpClient http;
    private final CookieManager cookies;
    private final String base;

    public ApiClient(int port) {
        this(port, null);
    }

    private ApiClient(int port, CookieManager cookies) {
        this.base = "http://127.0.0.1:" + port;
        this.cookies = cookies;
        HttpClient.Builder client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        this.http = (cookies == null ? client : client.cookieHandler(cookies)).build();
    }

    /** A client that keeps the cookies the application sets, as a browser does (the webapps' session). */
    public static ApiClient withCookies(int port) {
        return new ApiClient(port, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    /** The cookies this client keeps for the path ({@link #withCookies}), name to value. */
    public Map<String, String> cookies(String path) {
        Map<String, String> values = new TreeMap<>();
        if (cookies != null) {
            cookies.getCookieStore().get(URI.create(base + path)).forEach(c -> values.put(c.getName(), c.getValue()));
        }
        return values;
    }

    /** Requests as the demo user (whose password is its name), or as nobody for {@link #ANONYMOUS}. */
    public As as(String user) {
        return ANONYMOUS.equals(user) ? new As(null, null) : new As(user, user);
    }

    public As as(String user, String password) {
        return new As(user, password);
    }

    /** Requests with one user's credentials (none when the user is null). */
    public final class As {

        private final String user;
        private final String password;

        private As(String user, String password) {
            this.user = user;
            this.password = password;
        }

        public Response get(String path) {
            return send("GET", path, null, (String) null);
        }

        public Response send(String method, String path, String contentType, String body, String... headers) {
            return send(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body), headers);
        }

        /** A request with any body, and more headers as name, value, name, value, … */
        public Response send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                String... headers) {
            HttpRequest.Builder request = request(user, password, path).method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return ApiClient.this.send(request);
        }
    }

    public Response get(String user, String path) {
        return send(request(user, path).GET());
    }

    public Response post(String user, String path, Object body) {
        return send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    public Response post(String user, String path) {
        return send(request(user, path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String user, String path, Object body, String... headers) {
        HttpRequest.Builder request = request(user, path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body)));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    /** A PUT of raw bytes, such as an image upload ({@code application/x-tar}). */
    public Response put(String user, String path, String contentType, byte[] body) {
        return send(request(user, path).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A request of the caller's own making, e.g. a raw body, chunked or with Expect: 100-continue. */
    public Response send(String user, String path, java.util.function.UnaryOperator<HttpRequest.Builder> build) {
        return send(build.apply(request(user, path)));
    }

    public HttpRequest.Builder request(String user, String path) {
        return request(user, user, path);
    }

    private HttpRequest.Builder request(String user, String password, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /**
     * A request written on a plain socket: its head as given (request line and headers, with credentials added),
     * then {@code body} from a second thread while the response is read, so a server that answers before reading
     * the body is seen doing so. The response must come within 10 seconds. For what {@link HttpClient} cannot do
     * (Java 17's client waits forever when a request with {@code Expect: 100-continue} gets a final answer).
     */
    public Response raw(String user, String method, String path, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        if (user != null) {
            head.append("Authorization: Basic ").append(Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).append("\r\n");
        }
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        URI uri = URI.create(base);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = null;
            if (body != null && body.length > 0) {
                writer = new Thread(() -> {
                    try {
                        out.write(body);
                        out.flush();
                    } catch (IOException e) {
                        // the server may close the connection once it answered: that is what some tests expect
                    }
                }, "raw-body-writer");
                writer.setDaemon(true);
                writer.start();
            }
            return readResponse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response readResponse(InputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        if (status == 100) {
            readLine(in);
            return readResponse(in);
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0;
                    size = Integer.parseInt(readLine(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
        } else {
            body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("Content-Length", List.of("0")).get(0))));
        }
        return new Response(status, HttpHeaders.of(headers, (name, value) -> true),
                body.toString(StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Connection closed before a response: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A response: status, headers, the body as sent and as JSON. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** A top-level text field of the JSON body, or null. */
        public String text(String field) {
            return json().path(field).asText(null);
        }

        /** The problem type's short name: {@code validation-failed} for {@code urn:offerflow:problem:validation-failed}. */
        public String problemType() {
            return json().path("type").asText().replace("urn:offerflow:problem:", "");
        }

        /** The field errors of a problem, as "field Rule". */
        public List<String> fieldErrors() {
            List<String> errors = new ArrayList<>();
            json().path("errors").forEach(error -> errors.add(error.path("field").asText() + " "
                    + error.path("rule").asText()));
            return errors;
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }
}
