package com.offerflow.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Streams files to a running clamd over TCP with its {@code zINSTREAM} command: the command, then chunks as a
 * 4-byte big-endian length followed by the bytes, then a zero length; clamd answers {@code stream: OK} or
 * {@code stream: <signature> FOUND}. One connection per file.
 */
final class ClamdClient {

    private static final int MAX_REPLY = 4096;

    private final ScanSettings.ClamdSettings settings;

    ClamdClient(ScanSettings.ClamdSettings settings) {
        this.settings = settings;
    }

    String address() {
        return settings.host() + ":" + settings.port();
    }

    long maxFileSize() {
        return settings.maxFileSize();
    }

    /** Sends {@code zPING} and expects {@code PONG}. */
    void ping() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String reply = readReply(socket.getInputStream());
            if (!reply.equals("PONG")) {
                throw new IOException("clamd answered '" + reply + "' to PING");
            }
        }
    }

    /** Starts streaming one file. */
    Scan open() throws IOException {
        Socket socket = connect();
        try {
            OutputStream out = socket.getOutputStream();
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            return new Scan(socket, out);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
        socket.connect(new InetSocketAddress(settings.host(), settings.port()), timeout);
        socket.setSoTimeout(timeout);
        return socket;
    }

    private static String readReply(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) > 0 && b.length() < MAX_REPLY) {
            b.append((char) c);
        }
        return b.toString().trim();
    }

    /** One file being streamed. */
    static final class Scan {
        private final Socket socket;
        private final OutputStream out;
        private final byte[] header = new byte[4];

        private Scan(Socket socket, OutputStream out) {
            this.socket = socket;
            this.out = new java.io.BufferedOutputStream(out, 64 * 1024);
        }

        void write(byte[] b, int off, int len) throws IOException {
            if (len <= 0) {
                return;
            }
            header[0] = (byte) (len >>> 24);
            header[1] = (byte) (len >>> 16);
            header[2] = (byte) (len >>> 8);
            header[3] = (byte) len;
            out.write(header);
            out.write(b, off, len);
        }

        /** Ends the stream; returns the signature name when clamd found something, else null. */
        String finish() throws IOException {
            try {
                out.write(new byte[4]);
                out.flush();
                String reply = readReply(socket.getInputStream());
                if (reply.endsWith("FOUND")) {
                    String s = reply.startsWith("stream:") ? reply.substring(7) : reply;
                    return s.substring(0, s.length() - 5).trim();
                }
                if (reply.endsWith("OK")) {
                    return null;
                }
                throw new IOException("clamd answered '" + reply + "'");
            } finally {
                socket.close();
            }
        }

        void abort() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection
            }
        }
    }
}
