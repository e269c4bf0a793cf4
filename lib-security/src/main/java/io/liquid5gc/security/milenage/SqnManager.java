package io.liquid5gc.security.milenage;

/**
 * Home-network (UDM/ARPF) side of the SQN scheme of TS 33.102 Annex C: the HE keeps one counter SQN_HE per
 * subscriber (in the UDR); this class computes the next value and the value after a resynchronisation. It
 * holds configuration only and is thread-safe; the caller persists the returned {@link Sqn}.
 *
 * <p>Profile (TS 33.102 C.1.1, C.3): SQN = SEQ || IND with {@code indBits} bits of IND (default 5). For each
 * new vector SEQ is incremented by one and IND steps cyclically (C.3.2), so consecutive vectors can be used
 * out of order by different serving networks while each array entry of the USIM stays monotonic.
 */
public final class SqnManager {
    private final int indBits;

    public SqnManager() {
        this(Sqn.DEFAULT_IND_BITS);
    }

    public SqnManager(int indBits) {
        if (indBits < 0 || indBits > 10) {
            throw new IllegalArgumentException("IND length 0..10 bits: " + indBits);
        }
        this.indBits = indBits;
    }

    public int indBits() {
        return indBits;
    }

    /** The SQN of the next vector after {@code current} (TS 33.102 C.3.2): SEQ+1, IND+1 mod 2^indBits. */
    public Sqn next(Sqn current) {
        long seq = current.seq(indBits) + 1;
        long ind = (current.ind(indBits) + 1) & ((1L << indBits) - 1);
        long maxSeq = Sqn.MASK >>> indBits;
        if (seq > maxSeq) {
            // SEQ wrap-around is not handled by the USIM (TS 33.102 C.2.2): refuse rather than go backwards.
            throw new IllegalStateException("SEQ exhausted for this subscriber");
        }
        return Sqn.of(seq, ind, indBits);
    }

    /**
     * After a synchronisation failure, the HE resets its counter from SQN_MS recovered from AUTS
     * (TS 33.102 6.3.5, C.3.4): SQN_HE := SQN_MS when SEQ_MS is ahead, and the next vector is generated with
     * {@link #next(Sqn)} of the returned value, which the USIM then accepts as fresh.
     */
    public Sqn afterResync(Sqn sqnHe, Sqn sqnMs) {
        return sqnMs.seq(indBits) >= sqnHe.seq(indBits) ? sqnMs : sqnHe;
    }
}
