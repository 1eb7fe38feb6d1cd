package com.offerflow.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * A response for filters that decide about the answer after the application wrote it: while {@link #diverting()}
 * says so, the body the application writes goes to {@link #divert} (by default nowhere) instead of the client, and
 * its declared length and buffer flushes are held back, so that the filter can still answer something else.
 * Status and headers are the subclass's to hold back. Blocking I/O only.
 */
public abstract class DivertedResponse extends HttpServletResponseWrapper {

    private ServletOutputStream stream;
    private PrintWriter writer;

    protected DivertedResponse(HttpServletResponse response) {
        super(response);
    }

    /** Whether what the application writes now is kept from the client. */
    protected abstract boolean diverting();

    /** Receives the body written while diverting; must copy what it keeps. Drops it unless overridden. */
    protected void divert(byte[] b, int off, int len) {
    }

    /** Sends what the application wrote through its writer on its way, as the container does when it is done. */
    public void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!diverting()) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!diverting()) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!diverting()) {
            super.flushBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (diverting()) {
                        divert(b, off, len);
                    } else {
                        DivertedResponse.super.getOutputStream().write(b, off, len);
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (!diverting()) {
                        DivertedResponse.super.getOutputStream().flush();
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
}
