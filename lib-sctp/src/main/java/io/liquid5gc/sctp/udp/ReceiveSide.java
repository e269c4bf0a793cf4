package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.wire.Chunk;

/**
 * The receive side of one association's data transfer (RFC 9260 6.2, 6.5, 6.9): TSN tracking, the
 * receive window, reassembly and ordered delivery, and when to send a SACK (immediately or after the
 * delayed-SACK timer).
 *
 * <p>Confined to the endpoint's I/O thread, like the {@link AssociationCore} that owns it.
 */
final class ReceiveSide {
    private static final long OFF = AssociationCore.OFF;

    /** What became of a DATA chunk. */
    enum DataResult {
        /** Accepted (or a duplicate / out-of-window chunk that only asks for a SACK). */
        ACCEPTED,
        /** RFC 9260 6.5: the stream does not exist; report Invalid Stream Identifier. */
        INVALID_STREAM,
        /** RFC 9260 6.2: a DATA chunk without user data; abort with No User Data. */
        NO_USER_DATA,
        /** The reassembled message would exceed the configured limit; abort with Out of Resource. */
        MESSAGE_TOO_LARGE
    }

    private final SctpConfig cfg;
    private ReceiveTracker rx;
    private Reassembler reasm;
    private boolean sackNow;
    private int dataPacketsUnacked;
    /** Delayed-SACK deadline (absolute nanos, OFF when stopped). */
    private long sackTimer = OFF;

    ReceiveSide(SctpConfig cfg) {
        this.cfg = cfg;
    }

    /** The association is set up: the peer's initial TSN and the negotiated inbound stream count. */
    void setup(int peerInitialTsn, int inboundStreams) {
        this.rx = new ReceiveTracker(peerInitialTsn);
        this.reasm = new Reassembler(inboundStreams, cfg.maxMessageBytes());
    }

    boolean isSetUp() {
        return rx != null;
    }

    long sackTimer() {
        return sackTimer;
    }

    void stopTimer() {
        sackTimer = OFF;
    }

    /** A SACK is due now. */
    boolean sackNow() {
        return sackNow;
    }

    void requestSack() {
        sackNow = true;
    }

    /** The delayed-SACK timer expired: the SACK is due now. */
    void onSackTimer() {
        sackTimer = OFF;
        sackNow = true;
    }

    /** Our cumulative TSN ack (for SHUTDOWN, RFC 9260 9.2). */
    int cumulativeTsn() {
        return rx.cumulativeTsn();
    }

    /** Takes a DATA chunk in a state that accepts DATA; complete messages go to {@code sink}. */
    DataResult onData(Chunk.Data d, Reassembler.Sink sink) {
        if (d.payload().length == 0) {
            return DataResult.NO_USER_DATA;
        }
        int tsn = d.tsn();
        switch (rx.classify(tsn)) {
            case DUPLICATE -> {
                rx.recordDuplicate(tsn);
                sackNow = true;
                return DataResult.ACCEPTED;
            }
            case OUT_OF_WINDOW -> {
                sackNow = true;
                return DataResult.ACCEPTED;
            }
            case NEW -> {
            }
        }
        long held = reasm.heldBytes();
        if (held + d.payload().length > cfg.receiveBufferBytes()) {
            // RFC 9260 6.2: with no window left, drop DATA beyond the highest TSN; accept gap fillers (bounded)
            if (Tsn.gt(tsn, rx.highestTsn()) || held >= 2L * cfg.receiveBufferBytes()) {
                sackNow = true;
                return DataResult.ACCEPTED;
            }
        }
        long utsn = rx.unwrap(tsn);
        rx.record(tsn);
        if (d.streamId() >= reasm.streamCount()) {
            // RFC 9260 6.5: acknowledge, report Invalid Stream Identifier, discard
            sackNow = true;
            return DataResult.INVALID_STREAM;
        }
        if (reasm.accept(d, utsn, sink) == Reassembler.Result.MESSAGE_TOO_LARGE) {
            return DataResult.MESSAGE_TOO_LARGE;
        }
        return DataResult.ACCEPTED;
    }

    /**
     * RFC 9260 6.2: SACK every second DATA packet, immediately on gaps/duplicates/I bit (and outside
     * ESTABLISHED), else delayed.
     */
    void afterDataPacket(boolean immediate, boolean established, long now) {
        dataPacketsUnacked++;
        if (immediate || dataPacketsUnacked >= 2 || rx.hasGaps() || rx.hasDuplicates() || cfg.sackDelay().isZero()
                || !established) {
            sackNow = true;
        } else if (sackTimer == OFF) {
            sackTimer = now + cfg.sackDelay().toNanos();
        }
    }

    /** The SACK to send now (RFC 9260 6.2, 3.3.4); a_rwnd is what reassembly leaves of the buffer. */
    Chunk.Sack buildSack() {
        long rwnd = Math.max(0, cfg.receiveBufferBytes() - reasm.heldBytes());
        sackNow = false;
        sackTimer = OFF;
        dataPacketsUnacked = 0;
        return rx.buildSack(rwnd);
    }
}
