package com.offerflow.scanner;

import com.offerflow.image.Descriptor;
import com.offerflow.image.Digest;
import com.offerflow.image.ImageSource;
import com.offerflow.image.InvalidImageException;
import com.offerflow.image.MediaTypes;
import com.offerflow.scanner.facts.LayerFacts;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;

/**
 * Reads one layer blob once, as a stream: the blob's size and sha256, decompression (gzip, zstd, or none), the
 * limits, and the tar stream through a {@link LayerInspector} on the pipeline's second thread. Returns what it found
 * about the blob and its stream; the inspector adds what the entries showed to the scan's context.
 */
final class LayerReader {

    private final ImageSource source;
    private final ScanContext ctx;
    private final LayerStreams.Progress progress;
    private final ExecutorService executor;

    /** @param executor the pipeline's second thread; null reads everything on the calling thread */
    LayerReader(ImageSource source, ScanContext ctx, LayerStreams.Progress progress, ExecutorService executor) {
        this.source = source;
        this.ctx = ctx;
        this.progress = progress;
        this.executor = executor;
    }

    /**
     * @param files where the inspector puts the files the final file systems need
     * @throws LayerStreams.SourceIOException when the source fails (not the image): the scan is retried
     */
    LayerFacts read(LayerRef layer, LayerFiles files) throws IOException {
        Descriptor d = layer.descriptor();
        InputStream raw;
        try {
            raw = source.openBlob(d);
        } catch (InvalidImageException e) {
            return LayerFacts.missing(layer.id(), d.digest(), d.size(), e.getMessage());
        }
        LayerStreams.ZstdStream zstd = null;
        try (LayerStreams.SourceStream src = new LayerStreams.SourceStream(raw, d.size(), progress)) {
            String formatProblem = null;
            InputStream decompressed;
            LayerStreams.GzipStream gzip = null;
            String format = "gzip";
            if (MediaTypes.isGzipLayer(d.mediaType())) {
                gzip = openGzip(src);
                decompressed = gzip;
                if (decompressed == null) {
                    formatProblem = "not gzip data although the media type says gzip";
                    decompressed = InputStream.nullInputStream();
                }
            } else if (MediaTypes.isZstdLayer(d.mediaType())) {
                format = "zstd";
                decompressed = zstd = new LayerStreams.ZstdStream(src);
            } else if (MediaTypes.isUncompressedLayer(d.mediaType())) {
                decompressed = src;
            } else {
                formatProblem = "unsupported layer media type '" + d.mediaType() + "'";
                decompressed = InputStream.nullInputStream();
            }
            LayerStreams.GuardStream guard = new LayerStreams.GuardStream(decompressed, format);
            LayerStreams.LimitStream limit = new LayerStreams.LimitStream(guard, src, ctx.uncompressedTotal,
                    ctx.settings);
            LayerInspector inspector = new LayerInspector(ctx, layer, files,
                    () -> limit.problem() != null || guard.problem() != null);
            LayerPipeline.Result result = LayerPipeline.run(limit, src, inspector, executor, executor != null);
            String limitProblem = limit.problem() != null ? limit.problem() : inspector.limitProblem();
            if (formatProblem == null) {
                formatProblem = guard.problem();
            }
            if (formatProblem == null && inspector.tarProblem() != null) {
                formatProblem = inspector.tarProblem();
            }
            if (limit.problem() == null) {
                src.drain();
            }
            // the layer was read whole when neither its format nor a limit stopped it
            Digest diffId = formatProblem == null && limitProblem == null ? result.diffId() : null;
            if (formatProblem == null && limit.problem() == null && gzip != null && gzip.dataAfterEnd()) {
                // read whole (its diff_id is checked), but it cannot be pulled
                formatProblem = "data follows the end of the gzip stream: container runtimes refuse to extract the "
                        + "layer ('gzip: invalid header')";
            }
            return new LayerFacts(layer.id(), d.digest(), d.size(), null, src.count(), src.complete(),
                    src.tooLong(), Digest.fromBytes(src.digest()), formatProblem, limitProblem, diffId,
                    result.uncompressedBytes());
        } finally {
            if (zstd != null) {
                zstd.close();
            }
        }
    }

    private static LayerStreams.GzipStream openGzip(LayerStreams.SourceStream src) throws IOException {
        try {
            return new LayerStreams.GzipStream(src);
        } catch (LayerStreams.SourceIOException e) {
            throw e;
        } catch (IOException e) {
            return null;
        }
    }
}
