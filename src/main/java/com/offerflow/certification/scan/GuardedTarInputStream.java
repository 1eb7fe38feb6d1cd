package com.offerflow.certification.scan;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;

/**
 * A tar reader that a hostile layer cannot use to exhaust memory or the stack: commons-compress reads long-name
 * and pax header entries into memory in full and follows consecutive header entries recursively, so both are
 * bounded here.
 */
final class GuardedTarInputStream extends TarArchiveInputStream {

    static final long MAX_META_ENTRY = 1024 * 1024;
    static final int MAX_CONSECUTIVE_META = 32;

    private int depth;

    GuardedTarInputStream(InputStream in) {
        super(in);
    }

    @Override
    public TarArchiveEntry getNextEntry() throws IOException {
        if (++depth > MAX_CONSECUTIVE_META) {
            depth = 0;
            throw new IOException("more than " + MAX_CONSECUTIVE_META + " consecutive tar extended headers");
        }
        try {
            return super.getNextEntry();
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }

    @Override
    protected byte[] getLongNameData() throws IOException {
        checkMeta();
        return super.getLongNameData();
    }

    @Override
    public int read(byte[] buf, int offset, int numToRead) throws IOException {
        checkMeta();
        return super.read(buf, offset, numToRead);
    }

    private void checkMeta() throws IOException {
        TarArchiveEntry e = getCurrentEntry();
        if (e != null && e.getSize() > MAX_META_ENTRY && (e.isPaxHeader() || e.isGlobalPaxHeader()
                || e.isGNULongNameEntry() || e.isGNULongLinkEntry() || e.isGNUSparse() && !e.isFile())) {
            throw new IOException("a tar extended header of " + e.getSize() + " bytes (at most " + MAX_META_ENTRY
                    + " allowed)");
        }
    }
}
