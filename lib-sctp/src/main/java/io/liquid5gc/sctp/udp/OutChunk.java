package io.liquid5gc.sctp.udp;

/**
 * One DATA chunk on the send side (RFC 9260 6.1): a slice of a user message with its stream, SSN and
 * flags; TSN and transmission bookkeeping are set when it is first sent.
 */
final class OutChunk {
    final int streamId;
    final int ssn;
    final int ppid;
    final int flags;
    final byte[] message;
    final int offset;
    final int length;
    int tsn;
    int sendCount;
    long sentAt;
    /** Counted in the flight size. */
    boolean inFlight;
    /** Covered by a Gap Ack Block of the latest SACK. */
    boolean gapAcked;
    /** Marked for retransmission (T3 expiry or fast retransmit). */
    boolean retransmit;
    /** Marked by fast retransmit (RFC 9260 7.2.4): goes out once ignoring cwnd. */
    boolean fastRetransmit;
    /** Already fast-retransmitted once (RFC 9260 7.2.4: at most once per chunk). */
    boolean fastRetransmitted;
    int missCount;

    OutChunk(int streamId, int ssn, int ppid, int flags, byte[] message, int offset, int length) {
        this.streamId = streamId;
        this.ssn = ssn;
        this.ppid = ppid;
        this.flags = flags;
        this.message = message;
        this.offset = offset;
        this.length = length;
    }
}
