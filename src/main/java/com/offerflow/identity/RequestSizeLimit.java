package com.offerflow.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerflow.web.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Bounds the request bodies that {@code /api/**}'s own limits ({@code offerflow.api.max-body-size} and
 * {@code offerflow.images.max-upload-size}, see {@code com.offerflow.web.RequestBodyLimitFilter}) do not: the engine
 * REST API, the webapps' API and everything else, to {@code offerflow.security.max-request-size}. The engine REST's
 * multipart reader (deployments, task attachments, binary variables) and its JSON reader read a body whole into
 * memory, the multipart before any permission is checked, so without a bound any caller could exhaust the server.
 * <p>
 * A body declared larger than the bound is refused with 413 before anything reads it; a chunked body (of unknown
 * length) is refused with 413 as soon as it passes the bound.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestSizeLimit.class);
    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    private final DataSize maxRequestSize;
    private final ObjectMapper json;

    RequestSizeLimit(DataSize maxRequestSize, ObjectMapper json) {
        this.maxRequestSize = maxRequestSize;
        this.json = json;
    }

    /** {@code /api/**} bounds its own bodies. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestSize.toBytes()) {
            log.info("Refused {} {}: body of {} bytes, more than {}", request.getMethod(), request.getRequestURI(),
                    declared, maxRequestSize);
            refuse(response);
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
            refuse(response);
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than the maximum of " + describe(maxRequestSize) + ".");
        problem.setType(ProblemTypes.of("request-too-large"));
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        // the rest of the body is not read: close the connection rather than swallow it
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String describe(DataSize size) {
        return size.toMegabytes() > 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }

    /**
     * Once the request's body overflowed, whatever the application answers (a parse error, a server error) is
     * dropped: the filter answers 413 instead.
     */
    private static final class SilencedOnOverflow extends HttpServletResponseWrapper {

        private final BoundedRequest request;
        private ServletOutputStream stream;
        private PrintWriter writer;

        SilencedOnOverflow(HttpServletResponse response, BoundedRequest request) {
            super(response);
            this.request = request;
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
        public void setContentLength(int len) {
            if (!request.exceeded) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!request.exceeded) {
                super.setContentLengthLong(len);
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

        @Override
        public void flushBuffer() throws IOException {
            if (!request.exceeded) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        if (!request.exceeded) {
                            SilencedOnOverflow.super.getOutputStream().write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (!request.exceeded) {
                            SilencedOnOverflow.super.getOutputStream().write(b, off, len);
                        }
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!request.exceeded) {
                            SilencedOnOverflow.super.getOutputStream().flush();
                        }
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("blocking I/O only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        Charset.forName(getCharacterEncoding())));
            }
            return writer;
        }

        /** What the application wrote through its writer goes out when it is done, as with the container's. */
        void flushWriter() {
            if (writer != null) {
                writer.flush();
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
