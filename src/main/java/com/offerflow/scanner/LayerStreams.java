package com.offerflow.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

/** The streams of the layer pipeline: source accounting, decompression guard and bounds. */
final class LayerStreams {

    private LayerStreams() {
    }

    /** An I/O failure of the image source itself (not of the image's content): the scan is retried. */
    static final class SourceIOException extends IOException {
        SourceIOException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Tells progress; shared by all blobs of one scan. */
    static final class Progress {
        private final ScanProgressListener listener;
        private final long total;
        private final long intervalNanos;
        private final AtomicLong done = new AtomicLong();
        private volatile long lastCall = System.nanoTime();

        Progress(ScanProgressListener listener, long total, long intervalNanos) {
            this.listener = listener;
            this.total = total;
            this.intervalNanos = intervalNanos;
        }

        void add(long n) {
            long now = done.addAndGet(n);
            long t = System.nanoTime();
            if (t - lastCall >= intervalNanos) {
                lastCall = t;
                call(now);
            }
        }

        long done() {
            return done.get();
        }

        void finish() {
            call(done.get());
        }

        private void call(long value) {
            try {
                listener.progress(Math.min(value, Math.max(total, value)), Math.max(total, value));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Progress.class).warn("progress listener failed", e);
            }
        }
    }

    /**
     * Reads the raw blob: counts and hashes it, stops one byte after the declared size (so an endless blob ends),
     * reports progress, and marks I/O failures as failures of the source.
     */
    static final class SourceStream extends InputStream {
        private final InputStream in;
        private final long declared;
        private final MessageDigest digest = com.offerflow.image.Digest.sha256();
        private final Progress progress;
        private long count;
        private boolean tooLong;
        private boolean ended;
        private HashOffload offload;
        private int byteReadsSinceBlockRead;

        SourceStream(InputStream in, long declared, Progress progress) {
            this.in = in;
            this.declared = declared;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            if (n > 0) {
                byteReadsSinceBlockRead++;
            }
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (len > 1) {
                byteReadsSinceBlockRead = 0;
            }
            long allowed = declared + 1 - count;
            if (allowed <= 0) {
                tooLong = true;
                return -1;
            }
            int n;
            try {
                n = in.read(b, off, (int) Math.min(len, allowed));
            } catch (IOException e) {
                throw new SourceIOException(e);
            }
            if (n < 0) {
                ended = true;
                return -1;
            }
            if (offload != null) {
                offload.hash(b, off, n);
            } else {
                digest.update(b, off, n);
            }
            count += n;
            progress.add(n);
            if (count > declared) {
                tooLong = true;
            }
            return n;
        }

        /** Reads the rest (bounded by the declared size) so the digest covers the whole blob. */
        void drain() throws IOException {
            byte[] buf = new byte[64 * 1024];
            while (read(buf, 0, buf.length) > 0) {
                // hashing happens in read
            }
        }

        long count() {
            return count;
        }

        /** The bytes read so far that lie within the declared size. */
        long countWithinDeclared() {
            return Math.min(count, declared);
        }

        /**
         * The bytes read one at a time since the last read of a block: the gzip stream reads its buffer in blocks
         * and a member's header and trailer byte by byte where they lie beyond its buffer.
         */
        int byteReadsSinceBlockRead() {
            return byteReadsSinceBlockRead;
        }

        /** The bytes of the declared size not read yet: more data, as far as a gzip stream must know. */
        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, declared - count));
        }

        MessageDigest messageDigest() {
            return digest;
        }

        /**
         * Lets another thread hash the bytes (in order, into {@link #messageDigest()}) while this one decompresses;
         * null hashes inline again. The other thread must have finished before the digest is read.
         */
        void offload(HashOffload target) {
            this.offload = target;
        }

        boolean tooLong() {
            return tooLong;
        }

        boolean complete() {
            return ended || tooLong;
        }

        byte[] digest() {
            return digest.digest();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * The JDK's gzip stream (with a 64 KiB buffer: the fast one), which also tells whether data followed the last
     * gzip member. The JDK ignores such data; Go's gzip reader, and with it the container runtimes, refuse the
     * layer ("gzip: invalid header"), so the scanner must not pass it. Concatenated members (as in eStargz layers)
     * are gzip and fine.
     */
    static final class GzipStream extends java.util.zip.GZIPInputStream {
        private final SourceStream source;
        private boolean ended;
        private boolean bufferedAfterEnd;
        private long sourceAtEnd;

        GzipStream(SourceStream source) throws IOException {
            super(source, 64 * 1024);
            this.source = source;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0 && !ended) {
                ended = true;
                // The JDK ends after a member when no more data is announced, or when what follows is no gzip
                // header. Its buffer then holds the member's 8-byte trailer and what followed it there; what lay
                // beyond the buffer was read byte by byte (the rest of the trailer, a failed header) or is unread.
                int remaining = inf.getRemaining();
                int trailerReadFromSource = Math.max(0, 8 - remaining);
                bufferedAfterEnd = remaining > 8 || source.byteReadsSinceBlockRead() > trailerReadFromSource;
                sourceAtEnd = source.countWithinDeclared();
            }
            return n;
        }

        /**
         * Whether data followed the last gzip member: call after the source was read to its end (drained), so that
         * what the gzip stream left unread counts too.
         */
        boolean dataAfterEnd() {
            return ended && (bufferedAfterEnd || source.countWithinDeclared() > sourceAtEnd);
        }
    }

    /** Receives bytes to hash on another thread; must copy them before returning. */
    interface HashOffload {
        void hash(byte[] b, int off, int len) throws IOException;
    }

    /**
     * Reads a zstd layer (frames one after the other, skippable frames such as zstd:chunked's table of contents
     * skipped) with the reference libzstd. Windows are bounded to {@link #MAX_WINDOW_LOG} (128 MiB of native
     * memory, libzstd's own default); a frame that needs more is refused. Closing it frees the native decoder, not
     * the source.
     */
    static final class ZstdStream extends com.github.luben.zstd.ZstdInputStreamNoFinalizer {
        static final int MAX_WINDOW_LOG = 27;

        ZstdStream(SourceStream source) throws IOException {
            super(new java.io.FilterInputStream(source) {
                @Override
                public void close() {
                    // the source is closed by its owner
                }
            });
            setLongMax(MAX_WINDOW_LOG);
        }
    }

    /**
     * Sits after the decompressor: a decompression error (truncated or corrupt data) ends the stream and is
     * recorded; a failure of the source is passed on.
     */
    static final class GuardStream extends InputStream {
        private final InputStream in;
        private final String format;
        private volatile String problem;

        /** {@code format}: the compression, as the findings name it ({@code gzip}, {@code zstd}). */
        GuardStream(InputStream in, String format) {
            this.in = in;
            this.format = format;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (problem != null) {
                return -1;
            }
            try {
                return in.read(b, off, len);
            } catch (SourceIOException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                problem = describe(e);
                return -1;
            }
        }

        String problem() {
            return problem;
        }

        private String describe(Exception e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (e instanceof java.io.EOFException || m.contains("Unexpected end") || m.contains("Truncated")) {
                return "the compressed data ends too early (truncated " + format + ": " + m + ")";
            }
            if (m.contains("too much memory")) {
                return "a zstd frame needs a window larger than " + (1 << ZstdStream.MAX_WINDOW_LOG >> 20)
                        + " MiB, more than the scanner decodes (" + m + "): compress with a smaller window";
            }
            return "the compressed " + format + " data is corrupt (" + m + ")";
        }
    }

    /**
     * Bounds the uncompressed bytes of a layer and of the whole image, and the compression ratio; when a bound is
     * reached the stream ends and says why.
     */
    static final class LimitStream extends InputStream {
        private final InputStream in;
        private final SourceStream source;
        private final AtomicLong imageTotal;
        private final ScanSettings settings;
        private long count;
        private volatile String problem;

        LimitStream(InputStream in, SourceStream source, AtomicLong imageTotal, ScanSettings settings) {
            this.in = in;
            this.source = source;
            this.imageTotal = imageTotal;
            this.settings = settings;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (problem != null) {
                return -1;
            }
            int n = in.read(b, off, len);
            if (n <= 0) {
                return n;
            }
            count += n;
            long total = imageTotal.addAndGet(n);
            if (count > settings.maxLayerUncompressedBytes()) {
                problem = "the layer expands to more than " + settings.maxLayerUncompressedBytes()
                        + " bytes (limit per layer)";
            } else if (total > settings.maxUncompressedBytes()) {
                problem = "the layers expand to more than " + settings.maxUncompressedBytes()
                        + " bytes in total (limit per image)";
            } else if (count > settings.ratioCheckAfterBytes()
                    && count > settings.maxCompressionRatio() * Math.max(1, source.count())) {
                problem = String.format(java.util.Locale.ROOT,
                        "the layer expands more than %.0f times (%d compressed bytes gave %d bytes): "
                                + "a decompression bomb", settings.maxCompressionRatio(), source.count(), count);
            }
            return n; // after a problem the next read ends the stream
        }

        long count() {
            return count;
        }

        String problem() {
            return problem;
        }
    }
}
