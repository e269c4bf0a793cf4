package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.PacketWriter;
import java.util.ArrayDeque;

/**
 * The send side of one association's data transfer (RFC 9260 6.1, 6.2.1, 6.3, 7.2.4): user messages
 * fragmented into DATA chunks, TSN assignment, the outstanding chunks and their acknowledgement by SACK,
 * the peer's receiver window, RTT measurement, the T3-rtx timer and the retransmission marks of T3 expiry
 * and fast retransmit. How much may be in flight is the {@link CongestionController}'s answer.
 *
 * <p>Confined to the endpoint's I/O thread, like the {@link AssociationCore} that owns it.
 */
final class SendSide {
    private static final long OFF = AssociationCore.OFF;

    /** What a SACK did; {@code released} bytes leave the send buffer. */
    record SackResult(Kind kind, boolean newlyAcked, long released) {
        enum Kind {
            /** Processed. */
            ACCEPTED,
            /** RFC 9260 6.2.1 D i): older than the cumulative ack point, ignored. */
            OUT_OF_ORDER,
            /** RFC 9260 6.2.1: acknowledges a TSN never sent; the association must be aborted. */
            UNSENT_TSN
        }

        static final SackResult OUT_OF_ORDER = new SackResult(Kind.OUT_OF_ORDER, false, 0);
        static final SackResult UNSENT_TSN = new SackResult(Kind.UNSENT_TSN, false, 0);
    }

    private final ArrayDeque<OutChunk> pending = new ArrayDeque<>();
    private final OutRing outstanding = new OutRing();
    private final RtoEstimator rto;
    private final CongestionController cc;
    private final int maxFragment;
    private int[] nextSsn = new int[0];
    private int nextTsn;
    private int cumAckPoint;
    private long flightSize;
    private long unackedBytes;
    private long peerRwnd;
    private boolean fastRtxPending;
    private int retransmitMarked;
    private int gapAckedCount;
    private boolean rttActive;
    private int rttTsn;
    private long rttStart;
    /** T3-rtx deadline (absolute nanos, OFF when stopped). */
    private long t3 = OFF;

    SendSide(RtoEstimator rto, CongestionController cc, int maxFragment) {
        this.rto = rto;
        this.cc = cc;
        this.maxFragment = maxFragment;
    }

    /** The association is set up: stream count, the peer's initial a_rwnd and our initial TSN. */
    void setup(int outboundStreams, long peerRwnd, int initialTsn) {
        this.nextSsn = new int[outboundStreams];
        this.peerRwnd = peerRwnd;
        this.nextTsn = initialTsn;
        this.cumAckPoint = initialTsn - 1;
    }

    long t3() {
        return t3;
    }

    void stopT3() {
        t3 = OFF;
    }

    /** Nothing queued and nothing outstanding. */
    boolean isIdle() {
        return outstanding.isEmpty() && pending.isEmpty();
    }

    boolean hasOutstanding() {
        return !outstanding.isEmpty();
    }

    /** The peer's a_rwnd as it last advertised it (the current rwnd plus what is still unacknowledged). */
    long advertisedWindow() {
        return peerRwnd + unackedBytes;
    }

    /** A fast retransmission waits: it goes out ignoring cwnd and Max.Burst (RFC 9260 7.2.4 step 3). */
    boolean fastRtxPending() {
        return fastRtxPending;
    }

    /** Queues a user message, fragmented to the path MTU (RFC 9260 6.9); SSN assigned per stream. */
    void enqueue(SctpMessage m) {
        byte[] p = m.payload();
        int ssn = 0;
        if (!m.unordered()) {
            ssn = nextSsn[m.streamId()];
            nextSsn[m.streamId()] = (ssn + 1) & 0xFFFF;
        }
        int u = m.unordered() ? Chunk.Data.FLAG_U : 0;
        for (int off = 0; off < p.length; off += maxFragment) {
            int len = Math.min(maxFragment, p.length - off);
            int flags = u | (off == 0 ? Chunk.Data.FLAG_B : 0) | (off + len == p.length ? Chunk.Data.FLAG_E : 0);
            pending.add(new OutChunk(m.streamId(), ssn, m.ppid(), flags, p, off, len));
        }
    }

    /** Retransmissions or new DATA may go out now (within cwnd and the peer's rwnd). */
    boolean wantsToSend() {
        return retransmitMarked > 0 && (fastRtxPending || cc.allows(flightSize))
                || !pending.isEmpty() && cc.allows(flightSize) && rwndAllows(pending.peek().length);
    }

    // ------------------------------------------------------------------------------------------------
    // SACK processing (RFC 9260 6.2.1, 7.2)

    SackResult onSack(Chunk.Sack s, long now) {
        int cum = s.cumulativeTsnAck();
        if (Tsn.lt(cum, cumAckPoint)) {
            return SackResult.OUT_OF_ORDER;
        }
        if (Tsn.ge(cum, nextTsn)) {
            return SackResult.UNSENT_TSN;
        }
        long flightBefore = flightSize;
        boolean cumAdvanced = Tsn.gt(cum, cumAckPoint);
        long bytesAcked = 0;
        long released = 0;
        int htna = cum;
        boolean newlyAcked = false;
        while (!outstanding.isEmpty() && Tsn.le(outstanding.first().tsn, cum)) {
            OutChunk c = outstanding.removeFirst();
            if (c.inFlight) {
                flightSize -= c.length;
            }
            if (c.retransmit) {
                retransmitMarked--;
            }
            if (c.gapAcked) {
                gapAckedCount--;
            } else {
                bytesAcked += c.length;
                unackedBytes -= c.length;
                newlyAcked = true;
            }
            released += c.length;
            measureRtt(c, now);
        }
        cumAckPoint = cum;
        int[] gaps = s.gapBlocks();
        int highestGapAcked = cum;
        if (gaps.length > 0 || gapAckedCount > 0) {
            int g = 0;
            for (int i = 0; i < outstanding.size(); i++) {
                OutChunk c = outstanding.get(i);
                int off = c.tsn - cum;
                while (g < gaps.length && off > gaps[g + 1]) {
                    g += 2;
                }
                boolean acked = g < gaps.length && off >= gaps[g] && off <= gaps[g + 1];
                if (acked) {
                    highestGapAcked = c.tsn;
                    if (!c.gapAcked) {
                        c.gapAcked = true;
                        gapAckedCount++;
                        bytesAcked += c.length;
                        unackedBytes -= c.length;
                        newlyAcked = true;
                        htna = c.tsn;
                        if (c.inFlight) {
                            c.inFlight = false;
                            flightSize -= c.length;
                        }
                        if (c.retransmit) {
                            c.retransmit = false;
                            c.fastRetransmit = false;
                            retransmitMarked--;
                        }
                        measureRtt(c, now);
                    }
                } else if (c.gapAcked) {
                    // reneged (RFC 9260 6.2.1): it is outstanding again and will be retransmitted on T3
                    c.gapAcked = false;
                    gapAckedCount--;
                    unackedBytes += c.length;
                }
            }
        }
        // RFC 9260 7.2.4: miss indications (HTNA), fast retransmit on the third
        int missBound = cc.inFastRecovery() && cumAdvanced ? highestGapAcked : htna;
        if (Tsn.gt(missBound, cum)) {
            for (int i = 0; i < outstanding.size(); i++) {
                OutChunk c = outstanding.get(i);
                if (!Tsn.lt(c.tsn, missBound)) {
                    break;
                }
                if (c.gapAcked || c.retransmit || c.fastRetransmitted || c.sendCount == 0) {
                    continue;
                }
                if (++c.missCount >= 3) {
                    markFastRetransmit(c);
                }
            }
        }
        cc.onSack(cum, cumAdvanced, bytesAcked, flightBefore);
        // RFC 9260 6.2.1 D iv: rwnd = a_rwnd minus bytes still outstanding
        peerRwnd = Math.max(0, s.aRwnd() - unackedBytes);
        // RFC 9260 6.3.2 R2/R3
        if (outstanding.isEmpty()) {
            t3 = OFF;
        } else if (cumAdvanced) {
            t3 = now + rto.rto();
        }
        return new SackResult(SackResult.Kind.ACCEPTED, newlyAcked, released);
    }

    private void measureRtt(OutChunk c, long now) {
        if (rttActive && c.tsn == rttTsn) {
            rttActive = false;
            if (c.sendCount == 1) {
                rto.measured(now - rttStart);
            }
        }
    }

    private void markFastRetransmit(OutChunk c) {
        c.fastRetransmit = true;
        c.retransmit = true;
        retransmitMarked++;
        if (c.inFlight) {
            c.inFlight = false;
            flightSize -= c.length;
        }
        fastRtxPending = true;
        // RFC 9260 7.2.3 / 7.2.4: enter Fast Recovery
        cc.onFastRetransmit(nextTsn - 1);
    }

    // ------------------------------------------------------------------------------------------------
    // T3-rtx expiry (RFC 9260 6.3.3)

    /** E1 to E3 of RFC 9260 6.3.3, after the error counter was charged; restarts T3. */
    void onT3Expired(long now) {
        cc.onRetransmissionTimeout(); // E1
        rto.backOff(); // E2
        rttActive = false;
        for (int i = 0; i < outstanding.size(); i++) { // E3
            OutChunk c = outstanding.get(i);
            if (c.gapAcked) {
                continue;
            }
            if (c.inFlight) {
                c.inFlight = false;
                flightSize -= c.length;
            }
            if (!c.retransmit) {
                c.retransmit = true;
                retransmitMarked++;
            }
            c.fastRetransmit = false;
        }
        fastRtxPending = false;
        t3 = now + rto.rto();
    }

    // ------------------------------------------------------------------------------------------------
    // Sending (RFC 9260 6.1)

    private boolean rwndAllows(int len) {
        // RFC 9260 6.1 A: respect rwnd, but one chunk may probe a zero window with nothing outstanding
        return peerRwnd >= len || unackedBytes == 0;
    }

    /** Adds retransmissions or new DATA to the packet being built; returns whether any went in. */
    boolean fill(PacketWriter w, long now) {
        cc.beforeSending(flightSize, now, rto.rto());
        boolean sent = fillWithin(w, now);
        if (sent) {
            cc.dataSent(now);
        }
        return sent;
    }

    private boolean fillWithin(PacketWriter w, long now) {
        boolean sent = false;
        if (retransmitMarked > 0) {
            boolean fast = fastRtxPending;
            for (int i = 0; i < outstanding.size() && retransmitMarked > 0; i++) {
                OutChunk c = outstanding.get(i);
                if (!c.retransmit || fast && !c.fastRetransmit) {
                    continue;
                }
                if (!fast && !cc.allows(flightSize)) {
                    break;
                }
                if (!w.addData(c.flags, c.tsn, c.streamId, c.ssn, c.ppid, c.message, c.offset, c.length)) {
                    break;
                }
                c.retransmit = false;
                if (c.fastRetransmit) {
                    c.fastRetransmit = false;
                    c.fastRetransmitted = true;
                }
                retransmitMarked--;
                c.sendCount++;
                c.sentAt = now;
                c.inFlight = true;
                flightSize += c.length;
                peerRwnd = Math.max(0, peerRwnd - c.length);
                if (rttActive && rttTsn == c.tsn) {
                    rttActive = false; // Karn (RFC 9260 6.3.1 C5)
                }
                if (i == 0 || t3 == OFF) {
                    // RFC 9260 6.3.2 R4 / 7.2.4 step 4
                    t3 = now + rto.rto();
                }
                sent = true;
            }
            if (fast) {
                fastRtxPending = false;
                return sent; // RFC 9260 7.2.4 step 3: one packet of fast retransmissions
            }
            if (retransmitMarked > 0) {
                return sent;
            }
        }
        while (!pending.isEmpty() && cc.allows(flightSize)) {
            OutChunk c = pending.peek();
            if (!rwndAllows(c.length) || PacketWriter.dataChunkSize(c.length) > w.remaining()) {
                break;
            }
            pending.poll();
            c.tsn = nextTsn++;
            w.addData(c.flags, c.tsn, c.streamId, c.ssn, c.ppid, c.message, c.offset, c.length);
            c.sendCount = 1;
            c.sentAt = now;
            c.inFlight = true;
            flightSize += c.length;
            unackedBytes += c.length;
            peerRwnd = Math.max(0, peerRwnd - c.length);
            outstanding.addLast(c);
            if (!rttActive) {
                rttActive = true;
                rttTsn = c.tsn;
                rttStart = now;
            }
            if (t3 == OFF) {
                t3 = now + rto.rto(); // RFC 9260 6.3.2 R1
            }
            sent = true;
        }
        return sent;
    }

    /** Drops everything queued and outstanding; returns the payload bytes dropped. */
    long drop() {
        long bytes = 0;
        for (OutChunk c : pending) {
            bytes += c.length;
        }
        for (int i = 0; i < outstanding.size(); i++) {
            bytes += outstanding.get(i).length;
        }
        pending.clear();
        outstanding.clear();
        flightSize = 0;
        unackedBytes = 0;
        retransmitMarked = 0;
        gapAckedCount = 0;
        fastRtxPending = false;
        rttActive = false;
        return bytes;
    }
}
