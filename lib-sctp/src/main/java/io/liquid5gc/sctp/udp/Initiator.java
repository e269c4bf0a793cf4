package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.udp.StateMachine.Trigger;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.ErrorCause;
import io.liquid5gc.sctp.wire.Param;
import io.liquid5gc.sctp.wire.PacketWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The initiating side of association setup (RFC 9260 5.1 steps A to C): INIT with T1-init, the INIT ACK,
 * COOKIE ECHO with T1-cookie, retransmission up to Max.Init.Retransmits, and the new attempt with a Cookie
 * Preservative after a Stale Cookie error (RFC 9260 5.2.6). The COOKIE ACK that completes it is handled by
 * the {@link AssociationCore}, which owns the state machine.
 */
final class Initiator {
    private static final long OFF = AssociationCore.OFF;

    private final AssociationCore core;
    private final CoreContext ctx;
    private final SctpConfig cfg;
    private final RtoEstimator rto;
    private Chunk.Init initChunk;
    private byte[] cookieEcho;
    private int retransmits;
    /** T1-init / T1-cookie deadline (absolute nanos, OFF when stopped). */
    private long t1 = OFF;

    Initiator(AssociationCore core, CoreContext ctx, RtoEstimator rto) {
        this.core = core;
        this.ctx = ctx;
        this.cfg = ctx.config();
        this.rto = rto;
    }

    long t1() {
        return t1;
    }

    void stopTimer() {
        t1 = OFF;
    }

    /** The association is up (or was restarted): nothing left to retransmit. */
    void done() {
        t1 = OFF;
        cookieEcho = null;
        initChunk = null;
    }

    /** ASSOCIATE primitive: send INIT, start T1-init. */
    void connect(long now) {
        core.localTag = Handshake.newTag(ctx.random());
        core.localInitialTsn = ctx.random().nextInt();
        retransmits = 0;
        initChunk = Handshake.init(cfg, core.localTag, core.localInitialTsn, 0);
        core.setState(Trigger.ASSOCIATE);
        sendInit(now);
    }

    private void sendInit(long now) {
        PacketWriter w = ctx.writer().begin(core.localPort, core.peerPort, 0, core.mtu());
        w.add(initChunk);
        w.finish();
        ctx.transmit(core);
        t1 = now + rto.rto();
    }

    /** RFC 9260 5.1 step B/C: INIT ACK in COOKIE-WAIT; otherwise discarded (RFC 9260 5.2.3). */
    void onInitAck(Chunk.InitAck ack, long now) {
        if (core.state() != AssociationState.COOKIE_WAIT) {
            return;
        }
        byte[] cookie = ack.cookie();
        if (!Handshake.initAcceptable(ack.initiateTag(), ack.outboundStreams(), ack.inboundStreams())
                || cookie == null) {
            // RFC 9260 5.1: a malformed INIT ACK destroys the association
            core.terminate(Reason.PROTOCOL_ERROR, "invalid INIT ACK", now, false, null);
            return;
        }
        core.peerTag = ack.initiateTag();
        core.setupTransfer(ack.initialTsn(), ack.aRwnd(), Math.min(cfg.outboundStreams(), ack.inboundStreams()),
                Math.min(ack.outboundStreams(), cfg.maxInboundStreams()), core.localInitialTsn);
        cookieEcho = cookie;
        retransmits = 0;
        core.setState(Trigger.RCV_INIT_ACK);
        Handshake.ParamScan scan = Handshake.scan(ack.params());
        if (!scan.unrecognized().isEmpty()) {
            // RFC 9260 3.2.1: report in an ERROR chunk bundled with the COOKIE ECHO
            List<ErrorCause> causes = new ArrayList<>();
            for (Param p : scan.unrecognized()) {
                causes.add(ErrorCause.of(ErrorCause.Code.UNRECOGNIZED_PARAMETERS, Handshake.tlv(p)));
            }
            core.queueControl(new Chunk.Error(causes));
        }
        sendCookieEcho(now);
    }

    private void sendCookieEcho(long now) {
        PacketWriter w = ctx.writer().begin(core.localPort, core.peerPort, core.peerTag, core.mtu());
        w.add(new Chunk.CookieEcho(cookieEcho));
        core.addControl(w);
        w.finish();
        ctx.transmit(core);
        t1 = now + rto.rto();
    }

    /** T1-init / T1-cookie expiry (RFC 9260 5.1: Max.Init.Retransmits; 6.3.3 E2 for the back-off). */
    void onT1(long now) {
        t1 = OFF;
        if (++retransmits > cfg.maxInitRetransmits()) {
            core.terminate(Reason.SETUP_FAILED, "no answer after " + cfg.maxInitRetransmits() + " retransmissions",
                    now, false, null);
            return;
        }
        rto.backOff();
        if (core.state() == AssociationState.COOKIE_WAIT) {
            sendInit(now);
        } else if (core.state() == AssociationState.COOKIE_ECHOED) {
            sendCookieEcho(now);
        }
    }

    /**
     * RFC 9260 5.2.6: a Stale Cookie error in COOKIE-ECHOED (its 4-byte measure of staleness in
     * microseconds): start again with a Cookie Preservative of twice the staleness, in milliseconds.
     */
    void onStaleCookie(byte[] staleness, long now) {
        long micros = ((staleness[0] & 0xFFL) << 24) | ((staleness[1] & 0xFF) << 16) | ((staleness[2] & 0xFF) << 8)
                | (staleness[3] & 0xFF);
        if (++retransmits > cfg.maxInitRetransmits()) {
            core.terminate(Reason.SETUP_FAILED, "stale cookies", now, false, null);
            return;
        }
        core.setState(Trigger.RCV_STALE_COOKIE);
        core.peerTag = 0;
        initChunk = Handshake.init(cfg, core.localTag, core.localInitialTsn, Math.max(1, 2 * micros / 1000));
        sendInit(now);
    }
}
