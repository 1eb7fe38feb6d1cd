package com.offerflow.scanner;

/**
 * Told how far a scan got: compressed bytes of blobs read so far, of the total. Called from the scanning thread at
 * a modest rate (at most every {@link ScanSettings#progressInterval()}, and once at the end), never per buffer.
 * It must return quickly; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ScanProgressListener {

    ScanProgressListener NONE = (scanned, total) -> { };

    void progress(long bytesScanned, long bytesTotal);
}
