package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationEvent.PeerAddressState;
import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.wire.Chunk;

/**
 * Fault management of one association's single path (RFC 9260 8.1 to 8.3): the association and path
 * error counters, the path's active/inactive state with its notifications, and HEARTBEAT probing of an
 * idle path (with RTT measurement from the HEARTBEAT ACK).
 *
 * <p>Confined to the endpoint's I/O thread, like the {@link AssociationCore} that owns it.
 */
final class PathMonitor {
    private static final long OFF = AssociationCore.OFF;
    /** Heartbeat Information: type 1, length 20, our nonce (8 bytes) and the send time (8 bytes). */
    private static final int HB_INFO_LENGTH = 20;

    private final AssociationCore core;
    private final CoreContext ctx;
    private final SctpConfig cfg;
    private final RtoEstimator rto;
    private final long hbNonce;
    private int errorCount;
    private int pathErrors;
    private boolean pathActive = true;
    private boolean hbOutstanding;
    private boolean pathIdle = true;
    /** HEARTBEAT timer deadline (absolute nanos, OFF when stopped). */
    private long hbTimer = OFF;

    PathMonitor(AssociationCore core, CoreContext ctx, RtoEstimator rto) {
        this.core = core;
        this.ctx = ctx;
        this.cfg = ctx.config();
        this.rto = rto;
        this.hbNonce = ctx.random().nextLong();
    }

    long hbTimer() {
        return hbTimer;
    }

    void stopTimer() {
        hbTimer = OFF;
    }

    /** Restart: the counters start again. */
    void resetErrors() {
        errorCount = 0;
        pathErrors = 0;
    }

    /** DATA went out on the path: it is not idle. */
    void dataSent() {
        pathIdle = false;
    }

    /**
     * RFC 9260 8.1, 8.2: a retransmission timeout or an unanswered HEARTBEAT. Returns true if
     * Association.Max.Retrans was exceeded and the association was terminated.
     */
    boolean countError(long now, String what) {
        errorCount++;
        pathErrors++;
        if (errorCount > cfg.associationMaxRetrans()) {
            core.terminate(Reason.PEER_UNREACHABLE, what + ": Association.Max.Retrans exceeded", now, true, null);
            return true;
        }
        if (pathActive && pathErrors > cfg.pathMaxRetrans()) {
            pathActive = false;
            ctx.event(core, new AssociationEvent.PeerAddressChanged(core.remote, PeerAddressState.UNREACHABLE));
        }
        return false;
    }

    /** RFC 9260 8.1, 8.2, 8.3: acknowledged DATA or a HEARTBEAT ACK clears the counters. */
    void reachable() {
        errorCount = 0;
        pathErrors = 0;
        if (!pathActive) {
            pathActive = true;
            ctx.event(core, new AssociationEvent.PeerAddressChanged(core.remote, PeerAddressState.AVAILABLE));
        }
    }

    /** RFC 9260 8.3: the next HEARTBEAT after RTO + HB.interval with a jitter of +/- 50 % of the RTO. */
    void restartHeartbeat(long now) {
        long iv = cfg.heartbeatInterval().toNanos();
        if (iv == 0) {
            hbTimer = OFF;
            return;
        }
        long r = rto.rto();
        long jitter = r > 1 ? ctx.random().nextLong(r) - r / 2 : 0;
        hbTimer = now + iv + r + jitter;
    }

    /**
     * The HEARTBEAT timer expired. Returns the HEARTBEAT to send, or null (still in setup, the association
     * was lost, or the path carried data since the last probe).
     */
    Chunk.Heartbeat onHeartbeatTimer(long now, boolean inSetup) {
        hbTimer = OFF;
        if (inSetup) {
            return null;
        }
        if (hbOutstanding) {
            if (countError(now, "HEARTBEAT")) {
                return null;
            }
            rto.backOff();
        }
        Chunk.Heartbeat hb = null;
        if (pathIdle || !pathActive || hbOutstanding) {
            byte[] info = new byte[HB_INFO_LENGTH];
            info[1] = 1; // Heartbeat Info type 1
            info[3] = HB_INFO_LENGTH;
            putLong(info, 4, hbNonce);
            putLong(info, 12, now);
            hb = new Chunk.Heartbeat(info);
            hbOutstanding = true;
        }
        pathIdle = true;
        restartHeartbeat(now);
        return hb;
    }

    /** RFC 9260 8.3: a HEARTBEAT ACK with our nonce: the path is reachable; measure the RTT. */
    void onHeartbeatAck(Chunk.HeartbeatAck h, long now) {
        byte[] info = h.info();
        if (info.length != HB_INFO_LENGTH || getLong(info, 4) != hbNonce) {
            return;
        }
        long sent = getLong(info, 12);
        hbOutstanding = false;
        reachable();
        if (sent <= now && now - sent < cfg.rtoMax().toNanos() * 4) {
            rto.measured(now - sent);
        }
    }

    private static void putLong(byte[] b, int p, long v) {
        for (int i = 7; i >= 0; i--) {
            b[p + i] = (byte) v;
            v >>>= 8;
        }
    }

    private static long getLong(byte[] b, int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[p + i] & 0xFF);
        }
        return v;
    }
}
