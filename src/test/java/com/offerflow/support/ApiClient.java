package com.offerflow.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * The API over real HTTP, as a publisher's client sees it: requests with HTTP Basic credentials of the demo users
 * (alice/alice of contoso, bob/bob of fabrikam, admin/admin), responses with status, headers, raw body and JSON.
 */
public final class ApiClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
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
            return status + " " + body;
        }
    }
}
