package com.offerflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds every request body: {@code /api/**} to {@code offerflow.api.max-body-size}, everything else (the engine
 * REST API, the webapps' API) to {@code offerflow.security.max-request-size}. The image upload streams to disk under
 * its own bound ({@code offerflow.images.max-upload-size}) and is left to it. The engine REST's multipart reader
 * (deployments, task attachments, binary variables) and its JSON reader read a body whole into memory, the
 * multipart before any permission is checked, so without a bound any caller could exhaust the server.
 * <p>
 * A body declared larger than the bound is refused with 413 before anything reads it; a chunked body (of unknown
 * length) is refused with 413 as soon as it passes the bound.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimit.class);
    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    private static final RequestMatcher IMAGE_UPLOAD = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.PUT, "/api/offers/{offerId}/image");

    private final DataSize apiLimit;
    private final DataSize otherLimit;
    private final ObjectMapper json;

    RequestSizeLimit(DataSize apiLimit, DataSize otherLimit, ObjectMapper json) {
        this.apiLimit = apiLimit;
        this.otherLimit = otherLimit;
        this.json = json;
    }

    /** The image upload bounds its own body while it streams it to disk. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return IMAGE_UPLOAD.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        DataSize maxRequestSize = API.matches(request) ? apiLimit : otherLimit;
        long declared = request.getContentLengthLong();
        if (declared > maxRequestSize.toBytes()) {
            log.info("Refused {} {}: body of {} bytes, more than {}", request.getMethod(), request.getRequestURI(),
                    declared, maxRequestSize);
            refuse(response, maxRequestSize);
            return;
        }
        if (declared >= 0 || request.getHeader("Transfer-Encoding") == null) {
            // no body, or a declared length, which the container enforces
            chain.doFilter(request, response);
            return;
        }
        BoundedRequest bounded = new BoundedRequest(request, maxRequestSize.toBytes());
        SilencedOnOverflow silenced = new SilencedOnOverflow(response, bounded);
        chain.doFilter(bounded, silenced);
        silenced.flushWriter();
        if (bounded.exceeded && !response.isCommitted()) {
            log.info("Refused {} {}: chunked body larger than {}", request.getMethod(), request.getRequestURI(),
                    maxRequestSize);
            response.resetBuffer();
            refuse(response, maxRequestSize);
        }
    }

    private void refuse(HttpServletResponse response, DataSize maxRequestSize) throws IOException {
        // the rest of the body is not read: close the connection rather than swallow it
        response.setHeader("Connection", "close");
        ProblemResponses.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                "The request body is larger than the maximum of " + describe(maxRequestSize) + ".");
    }

    private static String describe(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    /**
     * Once the request's body overflowed, whatever the application answers (a parse error, a server error) is
     * dropped: the filter answers 413 instead.
     */
    private static final class SilencedOnOverflow extends DivertedResponse {

        private final BoundedRequest request;

        SilencedOnOverflow(HttpServletResponse response, BoundedRequest request) {
            super(response);
            this.request = request;
        }

        @Override
        protected boolean diverting() {
            return request.exceeded;
        }

        @Override
        public void setStatus(int sc) {
            if (!request.exceeded) {
                super.setStatus(sc);
            }
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (!request.exceeded) {
                super.sendError(sc, msg);
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            if (!request.exceeded) {
                super.sendError(sc);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!request.exceeded) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!request.exceeded) {
                super.addHeader(name, value);
            }
        }
    }

    /** A request whose body of unknown length fails once it passed its bound. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long max;
        private boolean exceeded;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = body.read(b, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(long n) throws IOException {
                        count += n;
                        if (count > max) {
                            exceeded = true;
                            throw new IOException("The request body is larger than " + max + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }
}
