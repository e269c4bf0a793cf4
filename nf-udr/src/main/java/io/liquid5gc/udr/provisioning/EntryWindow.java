package io.liquid5gc.udr.provisioning;

import io.liquid5gc.sbi.common.ProblemException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that a JSON or YAML reader reads one entry at a time from: {@link #start} marks where an entry begins (before
 * the parser looks for it), and reading more than {@code maxBytes} (plus the reader's own read-ahead) before the next start is refused (400,
 * naming where the entry is). So a parser that builds an entry in memory never builds one larger than that, whatever
 * the size of the whole stream.
 */
final class EntryWindow extends FilterInputStream {

    private final long maxBytes;
    private final int limitShown;
    private long read;
    private long start;
    private String where = "file";

    EntryWindow(InputStream in, int maxEntryBytes, int readAhead) {
        super(in);
        this.limitShown = maxEntryBytes;
        this.maxBytes = (long) maxEntryBytes + readAhead;
    }

    /** An entry (or another value) begins here; {@code where} names it in an error (a place, never a value). */
    void start(String where) {
        this.where = where;
        this.start = read;
    }

    /** Names the entry begun at the last {@link #start} once its line is known. */
    void name(String where) {
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) {
        read += n;
        if (read - start > maxBytes) {
            throw tooLarge(where, limitShown);
        }
    }

    static ProblemException tooLarge(String where, int maxEntryBytes) {
        return SubscriberProfiles.bad(where, "larger than about " + maxEntryBytes + " bytes (one subscriber per entry)");
    }
}
