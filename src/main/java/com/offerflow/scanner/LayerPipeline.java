package com.offerflow.scanner;

import com.offerflow.image.Digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads one layer once: the calling thread reads the blob and decompresses it; the compressed bytes (for the blob's
 * digest) and the uncompressed bytes go, in reused buffers, to a second thread that computes both digests and runs
 * the tar parser and all content checks. With {@code parallel} off everything runs on the calling thread.
 * Memory is bounded by the buffers, whatever the layer's size: 16 MiB uncompressed and 4 MiB compressed in flight.
 * Large buffers matter: each hand-over costs a thread wake-up, and a deep queue absorbs the stretches (zero-filled
 * or already-compressed files) where inflating is fast and the checks are the slower side.
 */
final class LayerPipeline {

    static final int CHUNK = 1024 * 1024;
    static final int CHUNKS = 16;
    static final int COMPRESSED_CHUNK = 256 * 1024;
    static final int COMPRESSED_CHUNKS = 16;

    /** Reads the uncompressed tar stream; must not close it. */
    interface TarConsumer {
        void consume(InputStream tar) throws IOException;
    }

    record Result(long uncompressedBytes, Digest diffId) {
    }

    private LayerPipeline() {
    }

    /**
     * Runs the consumer over {@code uncompressed}. Afterwards the consumer has seen the whole uncompressed
     * stream (or as much as the limits allowed) and the diff_id covers exactly what was read.
     */
    static Result run(InputStream uncompressed, LayerStreams.SourceStream source, TarConsumer consumer,
                      ExecutorService executor, boolean parallel) throws IOException {
        if (!parallel || executor == null) {
            HashingStream hashing = new HashingStream(uncompressed);
            consumeAndDrain(consumer, hashing);
            return new Result(hashing.count, Digest.fromBytes(hashing.md.digest()));
        }
        ChunkInputStream pipe = new ChunkInputStream(source.messageDigest());
        Future<Void> done = executor.submit(() -> {
            consumeAndDrain(consumer, pipe);
            return null;
        });
        try {
            CompressedBatch compressed = new CompressedBatch(pipe, done);
            source.offload(compressed::add);
            try {
                produce(uncompressed, pipe, compressed, done);
            } finally {
                source.offload(null);
            }
            done.get();
        } catch (InterruptedException e) {
            done.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scanning a layer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (IOException | RuntimeException e) {
            pipe.abort();
            done.cancel(true);
            throw e;
        }
        return new Result(pipe.count, Digest.fromBytes(pipe.md.digest()));
    }

    private static void consumeAndDrain(TarConsumer consumer, InputStream in) throws IOException {
        try {
            consumer.consume(in);
        } finally {
            byte[] buf = new byte[64 * 1024];
            while (in.read(buf, 0, buf.length) >= 0) {
                // the diff_id must cover the whole stream, also after the tar's end-of-archive blocks
            }
        }
    }

    private static void produce(InputStream in, ChunkInputStream pipe, CompressedBatch compressed,
                                Future<Void> consumer) throws IOException, InterruptedException {
        boolean eof = false;
        while (!eof) {
            byte[] buf = pipe.free.take();
            int filled = 0;
            while (filled < buf.length) {
                int n = in.read(buf, filled, buf.length - filled);
                if (n < 0) {
                    eof = true;
                    break;
                }
                filled += n;
            }
            if (filled > 0) {
                offer(pipe, new Chunk(buf, filled, false), consumer);
            } else {
                pipe.free.put(buf);
            }
        }
        compressed.flush();
        offer(pipe, Chunk.END, consumer);
    }

    /**
     * Collects the compressed bytes the decompressor reads into pooled buffers, and hands each full one to the
     * consumer, which hashes them in order; {@link #flush()} hands over the rest. Used by the producing thread only.
     */
    private static final class CompressedBatch {
        private final ChunkInputStream pipe;
        private final Future<Void> consumer;
        private byte[] buf;
        private int filled;

        CompressedBatch(ChunkInputStream pipe, Future<Void> consumer) {
            this.pipe = pipe;
            this.consumer = consumer;
        }

        void add(byte[] b, int off, int len) throws IOException {
            try {
                while (len > 0) {
                    if (buf == null) {
                        buf = takeFree();
                        filled = 0;
                    }
                    int n = Math.min(len, buf.length - filled);
                    System.arraycopy(b, off, buf, filled, n);
                    filled += n;
                    off += n;
                    len -= n;
                    if (filled == buf.length) {
                        handOver();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }

        void flush() throws InterruptedException {
            if (buf != null) {
                handOver();
            }
        }

        private void handOver() throws InterruptedException {
            offer(pipe, new Chunk(buf, filled, true), consumer);
            buf = null;
        }

        private byte[] takeFree() throws InterruptedException {
            while (true) {
                byte[] free = pipe.compressedFree.poll(100, TimeUnit.MILLISECONDS);
                if (free != null) {
                    return free;
                }
                if (consumer.isDone()) {
                    throw new IllegalStateException("the layer consumer ended before the layer did");
                }
            }
        }
    }

    private static void offer(ChunkInputStream pipe, Chunk chunk, Future<Void> consumer)
            throws InterruptedException {
        while (!pipe.full.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
            if (consumer.isDone()) {
                return; // the consumer ended (only by a bug or cancellation): nobody reads, stop handing over
            }
        }
    }

    /** A buffer of uncompressed bytes to read, or of compressed bytes only to hash. */
    private record Chunk(byte[] buf, int length, boolean compressed) {
        static final Chunk END = new Chunk(new byte[0], -1, false);
    }

    /** The consumer's view of the chunks; hashes each chunk as it arrives. */
    private static final class ChunkInputStream extends InputStream {
        final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS + COMPRESSED_CHUNKS + 1);
        final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
        final BlockingQueue<byte[]> compressedFree = new ArrayBlockingQueue<>(COMPRESSED_CHUNKS);
        final MessageDigest md = Digest.sha256();
        private final MessageDigest compressedMd;
        long count;
        private Chunk current;
        private int pos;
        private boolean eof;

        ChunkInputStream(MessageDigest compressedMd) {
            this.compressedMd = compressedMd;
            for (int i = 0; i < CHUNKS; i++) {
                free.add(new byte[CHUNK]);
            }
            for (int i = 0; i < COMPRESSED_CHUNKS; i++) {
                compressedFree.add(new byte[COMPRESSED_CHUNK]);
            }
        }

        void abort() {
            full.clear();
            full.offer(Chunk.END);
        }

        private boolean fill() throws IOException {
            while (current == null || pos >= current.length) {
                if (eof) {
                    return false;
                }
                if (current != null) {
                    free.offer(current.buf);
                    current = null;
                }
                try {
                    Chunk next = full.take();
                    if (next == Chunk.END) {
                        eof = true;
                        return false;
                    }
                    if (next.compressed) {
                        compressedMd.update(next.buf, 0, next.length);
                        compressedFree.offer(next.buf);
                        continue;
                    }
                    md.update(next.buf, 0, next.length);
                    count += next.length;
                    current = next;
                    pos = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted");
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return current.buf[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current.buf, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            while (skipped < n && fill()) {
                int step = (int) Math.min(n - skipped, current.length - pos);
                pos += step;
                skipped += step;
            }
            return skipped;
        }
    }

    /** Sequential mode: hashes what passes. */
    private static final class HashingStream extends InputStream {
        private final InputStream in;
        final MessageDigest md = Digest.sha256();
        long count;

        HashingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                md.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                md.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 64 * 1024)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
