package com.offerflow.identity;

import com.offerflow.web.DivertedResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The engine's REST APIs ({@code /engine-rest} and the webapps' {@code /camunda/api}) answer as Camunda does, with
 * two changes:
 * <ul>
 *   <li>a server error (5xx) says only that the request failed, with a reference to the server log, never the
 *       exception's message: those can carry SQL, class names or file paths (a task listener's database error,
 *       for instance);</li>
 *   <li>on the engine API, a read (GET, HEAD) of something the user may not read answers 404 with the same body
 *       as a read of something that does not exist: Camunda answers 403 or 400 naming the missing permission on
 *       the resource, which tells another organisation's publisher that a task or instance with that id
 *       exists;</li>
 *   <li>on the engine API, a refused change answers 403 without Camunda's list of missing permissions, which
 *       names resources by id (correlating a message by another organisation's business key would reveal the
 *       id of its process instance). The server log has the list at DEBUG.</li>
 * </ul>
 * Everything else (2xx, 401, 403 of changes, validation errors) passes through unchanged. Registered for
 * {@code /engine-rest/*} and {@code /camunda/api/*} only ({@link SecurityConfiguration}).
 */
class EngineApiResponses extends OncePerRequestFilter {

    static final String NOT_FOUND_BODY =
            "{\"type\":\"InvalidRequestException\",\"message\":\"Not found, or not yours to read.\",\"code\":null}";
    static final String FORBIDDEN_BODY =
            "{\"type\":\"AuthorizationException\",\"message\":\"You are not allowed to do this.\",\"code\":null}";
    private static final Logger log = LoggerFactory.getLogger(EngineApiResponses.class);
    private static final int MAX_CAPTURED = 64 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        boolean engineApi = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
        GuardedResponse guarded = new GuardedResponse(response, engineApi, read && engineApi);
        chain.doFilter(request, guarded);
        guarded.finish(request);
    }

    /** Holds back the body of the responses this filter rewrites; passes every other one through. */
    private static final class GuardedResponse extends DivertedResponse {

        private final boolean engineApi;
        private final boolean hideUnreadable;
        private final ByteArrayOutputStream held = new ByteArrayOutputStream();
        private int status = SC_OK;
        private boolean holding;

        GuardedResponse(HttpServletResponse response, boolean engineApi, boolean hideUnreadable) {
            super(response);
            this.engineApi = engineApi;
            this.hideUnreadable = hideUnreadable;
        }

        private boolean holds(int sc) {
            return sc >= 500 || engineApi && sc == SC_FORBIDDEN
                    || hideUnreadable && (sc == SC_BAD_REQUEST || sc == SC_NOT_FOUND);
        }

        @Override
        protected boolean diverting() {
            return holding;
        }

        @Override
        protected void divert(byte[] b, int off, int len) {
            held.write(b, off, Math.max(0, Math.min(len, MAX_CAPTURED - held.size())));
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            holding = holds(sc);
            if (!holding) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            status = sc;
            holding = holds(sc);
            if (!holding) {
                super.sendError(sc, msg);
            }
        }

        @Override
        public int getStatus() {
            return holding ? status : super.getStatus();
        }

        @Override
        public void setHeader(String name, String value) {
            if (!holding || !"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!holding || !"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        void finish(HttpServletRequest request) throws IOException {
            flushWriter();
            if (!holding) {
                return;
            }
            String original = held.toString(StandardCharsets.UTF_8);
            if (hideUnreadable && (status == SC_FORBIDDEN || status == SC_NOT_FOUND
                    || status == SC_BAD_REQUEST && namesMissingPermission(original)
                    || status >= 500 && namesMissingResource(original))) {
                rewrite(SC_NOT_FOUND, NOT_FOUND_BODY);
            } else if (status >= 500) {
                String reference = UUID.randomUUID().toString();
                log.warn("{} {} failed with {} (reference {}): {}", request.getMethod(), request.getRequestURI(),
                        status, reference, original);
                rewrite(status, "{\"type\":\"ServerError\",\"message\":\"The request failed on the server. The"
                        + " server log has the details under reference " + reference + ".\",\"code\":null}");
            } else if (status == SC_FORBIDDEN && namesResources(original)) {
                log.debug("{} {} refused: {}", request.getMethod(), request.getRequestURI(), original);
                rewrite(status, FORBIDDEN_BODY);
            } else {
                rewrite(status, original);
            }
        }

        /** Camunda's refusal lists the permissions missing on resources by id: a process instance, a task. */
        private static boolean namesResources(String body) {
            return !body.contains("\"missingAuthorizations\":[]");
        }

        /** Some reads of a resource that does not exist fail with 500 (a null check in the engine). */
        private static boolean namesMissingResource(String body) {
            return body.contains("\"type\":\"NullValueException\"") || body.contains("\"type\":\"NotFoundException\"");
        }

        /** Camunda's refusal for want of a permission, which some reads answer with 400 instead of 403. */
        private static boolean namesMissingPermission(String body) {
            return body.contains("AuthorizationException")
                    || body.contains("does not have") && body.contains("permission");
        }

        private void rewrite(int sc, String body) throws IOException {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            if (response.isCommitted()) {
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.resetBuffer();
            // Jersey declares the length of its own body before its status: back to unknown
            response.setContentLengthLong(-1);
            response.setStatus(sc);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(bytes);
        }
    }
}
