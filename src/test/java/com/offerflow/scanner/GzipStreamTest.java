package com.offerflow.scanner;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner's gzip stream sees data after the last gzip member wherever it lies: already in the decompressor's
 * buffer, or beyond it when the member ended where a read of the blob ended; and it reads every member of a blob
 * of concatenated members, wherever the reads end.
 */
class GzipStreamTest {

    static final byte[] TEXT = "hello, layer".getBytes(StandardCharsets.UTF_8);

    @Test
    void bytesAfterAMemberThatEndedWhereAReadEndedAreSeen() throws IOException {
        byte[] member = TestImages.gzip(TEXT);
        for (int extra : new int[]{1, 2, 3, 12, 100_000}) {
            byte[] blob = TestImages.concat(member, new byte[extra]);
            LayerStreams.SourceStream source = source(blob, member.length);
            LayerStreams.GzipStream gzip = new LayerStreams.GzipStream(source);
            assertThat(gzip.readAllBytes()).isEqualTo(TEXT);
            source.drain();
            assertThat(gzip.dataAfterEnd()).as("%d bytes after the member", extra).isTrue();
        }
    }

    @Test
    void dataInTheSameReadAsTheLastMemberIsSeen() throws IOException {
        byte[] member = TestImages.gzip(TEXT);
        byte[] blob = TestImages.concat(member, new byte[]{1, 2, 3});
        LayerStreams.SourceStream source = source(blob, blob.length);
        LayerStreams.GzipStream gzip = new LayerStreams.GzipStream(source);

        assertThat(gzip.readAllBytes()).isEqualTo(TEXT);
        source.drain();
        assertThat(gzip.dataAfterEnd()).isTrue();
    }

    @Test
    void aBlobOfGzipMembersOnlyHasNothingAfterItsEnd() throws IOException {
        byte[] blob = TestImages.concat(TestImages.gzip(TEXT), TestImages.gzip(TEXT));
        int firstMember = TestImages.gzip(TEXT).length;
        for (int firstRead : new int[]{blob.length / 2, firstMember - 3, firstMember, firstMember + 1, blob.length}) {
            LayerStreams.SourceStream source = source(blob, firstRead);
            LayerStreams.GzipStream gzip = new LayerStreams.GzipStream(source);
            assertThat(gzip.readAllBytes()).isEqualTo(TestImages.concat(TEXT, TEXT));
            source.drain();
            assertThat(gzip.dataAfterEnd()).isFalse();
        }
    }

    /** The blob as a source whose reads stop once at {@code boundary}, as a read of a file's chunk can. */
    private static LayerStreams.SourceStream source(byte[] blob, int boundary) {
        InputStream chunked = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < blob.length ? blob[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int end = pos < boundary ? boundary : blob.length;
                int n = Math.min(len, end - pos);
                if (n <= 0) {
                    return len == 0 ? 0 : -1;
                }
                System.arraycopy(blob, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        return new LayerStreams.SourceStream(chunked, blob.length,
                new LayerStreams.Progress(ScanProgressListener.NONE, blob.length, Long.MAX_VALUE));
    }
}
