package com.offerflow.scanner;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A tar reader that a hostile layer cannot use to exhaust memory or the stack. commons-compress reads long-name
 * and pax header entries into memory in full, follows consecutive header entries recursively, and keeps sparse
 * maps (old GNU extension records, pax 1.0 sparse maps) as lists: so each header entry is bounded, the chain of
 * header entries is bounded, and so are the bytes read while parsing the headers of one entry.
 */
final class GuardedTarInputStream extends TarArchiveInputStream {

    static final long MAX_META_ENTRY = 1024 * 1024;
    static final int MAX_CONSECUTIVE_META = 32;
    static final long MAX_HEADER_BYTES = 4L * 1024 * 1024;

    private final HeaderBudget budget;
    private int depth;

    private GuardedTarInputStream(HeaderBudget budget) {
        super(budget);
        this.budget = budget;
    }

    static GuardedTarInputStream over(InputStream in) {
        return new GuardedTarInputStream(new HeaderBudget(in));
    }

    @Override
    public TarArchiveEntry getNextEntry() throws IOException {
        if (depth == 0) {
            budget.start();
        }
        if (++depth > MAX_CONSECUTIVE_META) {
            throw new IOException("more than " + MAX_CONSECUTIVE_META + " consecutive tar extended headers");
        }
        try {
            return super.getNextEntry();
        } finally {
            depth--;
            if (depth == 0) {
                budget.stop();
            }
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
                || e.isGNULongNameEntry() || e.isGNULongLinkEntry())) {
            throw new IOException("a tar extended header of " + e.getSize() + " bytes (at most " + MAX_META_ENTRY
                    + " allowed)");
        }
    }

    /** Counts the bytes read while one entry's headers are parsed and refuses more than the budget. */
    private static final class HeaderBudget extends FilterInputStream {
        private boolean counting;
        private long used;

        HeaderBudget(InputStream in) {
            super(in);
        }

        void start() {
            counting = true;
            used = 0;
        }

        void stop() {
            counting = false;
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
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        private void count(int n) throws IOException {
            if (counting) {
                used += n;
                if (used > MAX_HEADER_BYTES) {
                    throw new IOException("the headers of one tar entry take more than " + MAX_HEADER_BYTES
                            + " bytes (sparse map or extended header abuse)");
                }
            }
        }
    }
}
