package com.offerflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Bounds every request body of {@code /api/**} to {@link ApiLimits#maxBodySize()}, except the image upload, which
 * streams to disk under its own limit. A declared Content-Length over the limit is answered 413 at once, before
 * anything is read (a client that sent {@code Expect: 100-continue} never sends the body); a body without a length
 * (chunked) is counted as it is read and fails with {@link RequestBodyTooLargeException}, answered 413 by
 * {@link ApiExceptionHandler}. Either way nothing is changed.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    /** {@code PUT /api/offers/{offerId}/image}: bounded by {@code offerflow.images.max-upload-size}. */
    private static final Pattern IMAGE_UPLOAD = Pattern.compile("/api/offers/[^/]+/image/?");

    private final ApiLimits limits;
    private final ObjectMapper json;

    RequestBodyLimitFilter(ApiLimits limits, ObjectMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "PUT".equals(request.getMethod())
                && IMAGE_UPLOAD.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limits.maxBodySize().toBytes()) {
            ProblemResponses.write(json, response, HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                    RequestBodyTooLargeException.detail(limits.maxBodySize()));
            return;
        }
        chain.doFilter(new BoundedRequest(request, limits), response);
    }

    /** A request whose body stream fails once more than {@code max} bytes were read. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final ApiLimits limits;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, ApiLimits limits) {
            super(request);
            this.limits = limits;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedInputStream(super.getInputStream(), limits);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class BoundedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final ApiLimits limits;
        private final long max;
        private long read;

        BoundedInputStream(ServletInputStream in, ApiLimits limits) {
            this.in = in;
            this.limits = limits;
            this.max = limits.maxBodySize().toBytes();
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > max) {
                throw new RequestBodyTooLargeException(limits.maxBodySize());
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
