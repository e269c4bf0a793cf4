package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.wire.Chunk;

/**
 * Receive-side TSN bookkeeping (RFC 9260 6.2, 6.7): the cumulative TSN, a bitmap window of TSNs
 * received above it (for Gap Ack Blocks) and the duplicates to report in the next SACK. Fixed-size
 * storage: nothing grows with traffic.
 */
final class ReceiveTracker {
    /** Window of TSNs tracked above the cumulative TSN; beyond it DATA is dropped (and retransmitted). */
    static final int WINDOW = 1 << 14;
    static final int MAX_DUPS = 32;
    static final int MAX_GAP_BLOCKS = 128;

    enum Result { NEW, DUPLICATE, OUT_OF_WINDOW }

    private final long[] bits = new long[WINDOW / 64];
    private final int[] dups = new int[MAX_DUPS];
    private final int[] gapScratch = new int[MAX_GAP_BLOCKS * 2];
    private int dupCount;
    private int cumTsn;
    private long cumLong;
    private int highest;

    ReceiveTracker(int peerInitialTsn) {
        reset(peerInitialTsn);
    }

    void reset(int peerInitialTsn) {
        java.util.Arrays.fill(bits, 0);
        dupCount = 0;
        cumTsn = peerInitialTsn - 1;
        cumLong = cumTsn & 0xFFFFFFFFL;
        highest = cumTsn;
    }

    int cumulativeTsn() {
        return cumTsn;
    }

    int highestTsn() {
        return highest;
    }

    /** Unwraps a TSN near the window into a monotonically growing 64-bit value. */
    long unwrap(int tsn) {
        return cumLong + (tsn - cumTsn);
    }

    boolean hasGaps() {
        return highest != cumTsn;
    }

    boolean hasDuplicates() {
        return dupCount > 0;
    }

    /** Peeks without recording: would this TSN be new? */
    Result classify(int tsn) {
        int off = tsn - cumTsn;
        if (off <= 0) {
            return Result.DUPLICATE;
        }
        if (off > WINDOW - 1) {
            return Result.OUT_OF_WINDOW;
        }
        return get(tsn) ? Result.DUPLICATE : Result.NEW;
    }

    void recordDuplicate(int tsn) {
        if (dupCount < MAX_DUPS) {
            dups[dupCount++] = tsn;
        }
    }

    /** Records a TSN previously classified NEW. */
    void record(int tsn) {
        if (Tsn.gt(tsn, highest)) {
            highest = tsn;
        }
        if (tsn == cumTsn + 1) {
            cumTsn = tsn;
            cumLong++;
            while (get(cumTsn + 1)) {
                cumTsn++;
                cumLong++;
                clear(cumTsn);
            }
        } else {
            set(tsn);
        }
    }

    /** RFC 9260 3.3.4: builds the SACK and clears the duplicate list. */
    Chunk.Sack buildSack(long aRwnd) {
        int[] gaps;
        if (highest == cumTsn) {
            gaps = EMPTY;
        } else {
            int[] tmp = gapScratch;
            int n = 0;
            int span = highest - cumTsn;
            int off = 1;
            while (off <= span && n < tmp.length) {
                while (off <= span && !get(cumTsn + off)) {
                    off++;
                }
                if (off > span) {
                    break;
                }
                int start = off;
                while (off <= span && get(cumTsn + off)) {
                    off++;
                }
                tmp[n++] = start;
                tmp[n++] = off - 1;
            }
            gaps = java.util.Arrays.copyOf(tmp, n);
        }
        int[] d = dupCount == 0 ? EMPTY : java.util.Arrays.copyOf(dups, dupCount);
        dupCount = 0;
        return new Chunk.Sack(cumTsn, aRwnd, gaps, d);
    }

    private static final int[] EMPTY = new int[0];

    private boolean get(int tsn) {
        int i = tsn & (WINDOW - 1);
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private void set(int tsn) {
        int i = tsn & (WINDOW - 1);
        bits[i >>> 6] |= 1L << i;
    }

    private void clear(int tsn) {
        int i = tsn & (WINDOW - 1);
        bits[i >>> 6] &= ~(1L << i);
    }
}
