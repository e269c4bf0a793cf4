package io.liquid5gc.security.milenage;

import java.util.Arrays;

/**
 * USIM side of the SQN scheme of TS 33.102 Annex C.2: an array SEQ_MS(i) indexed by IND, and the freshness
 * check of C.2.2 (SEQ > SEQ_MS(IND), and SEQ - SEQ_MS <= delta, where SEQ_MS is the highest accepted SEQ).
 * Mutable and not thread-safe: one instance per simulated UE.
 */
public final class UsimSqnState {
    /** TS 33.102 C.2.2 recommends delta = 2^28. */
    public static final long DEFAULT_DELTA = 1L << 28;

    private final int indBits;
    private final long delta;
    private final long[] seqMs;

    public UsimSqnState() {
        this(Sqn.DEFAULT_IND_BITS, DEFAULT_DELTA);
    }

    public UsimSqnState(int indBits, long delta) {
        this.indBits = indBits;
        this.delta = delta;
        this.seqMs = new long[1 << indBits];
    }

    /** A USIM whose array is already at {@code highest} (e.g. a UE provisioned with a known SQN). */
    public static UsimSqnState startingAt(Sqn highest, int indBits) {
        UsimSqnState s = new UsimSqnState(indBits, DEFAULT_DELTA);
        s.seqMs[highest.ind(indBits)] = highest.seq(indBits);
        return s;
    }

    /** TS 33.102 C.2.2: is SQN acceptable (not a replay and not too far ahead)? Does not change the state. */
    public boolean isFresh(Sqn sqn) {
        long seq = sqn.seq(indBits);
        int ind = sqn.ind(indBits);
        if (seq <= seqMs[ind]) {
            return false;
        }
        return seq - highestSeq() <= delta;
    }

    /** Records an accepted SQN: SEQ_MS(IND) := SEQ (TS 33.102 C.2.2). */
    public void accept(Sqn sqn) {
        seqMs[sqn.ind(indBits)] = sqn.seq(indBits);
    }

    /** SQN_MS sent in AUTS: the highest accepted SEQ with its IND (TS 33.102 C.2.4). */
    public Sqn sqnMs() {
        int best = 0;
        for (int i = 1; i < seqMs.length; i++) {
            if (seqMs[i] > seqMs[best]) {
                best = i;
            }
        }
        return Sqn.of(seqMs[best], best, indBits);
    }

    private long highestSeq() {
        return Arrays.stream(seqMs).max().orElse(0);
    }

    public int indBits() {
        return indBits;
    }
}
