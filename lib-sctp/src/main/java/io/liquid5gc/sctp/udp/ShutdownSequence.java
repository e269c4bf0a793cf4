package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.udp.StateMachine.Trigger;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.PacketWriter;

/**
 * Graceful close of one association (RFC 9260 9.2): the SHUTDOWN primitive, SHUTDOWN / SHUTDOWN ACK /
 * SHUTDOWN COMPLETE, the wait for outstanding data, and the T2-shutdown timer. Abort (RFC 9260 9.1) stays
 * with the {@link AssociationCore}.
 */
final class ShutdownSequence {
    private static final long OFF = AssociationCore.OFF;

    private final AssociationCore core;
    private final CoreContext ctx;
    private final RtoEstimator rto;
    /** T2-shutdown deadline (absolute nanos, OFF when stopped). */
    private long t2 = OFF;

    ShutdownSequence(AssociationCore core, CoreContext ctx, RtoEstimator rto) {
        this.core = core;
        this.ctx = ctx;
        this.rto = rto;
    }

    long t2() {
        return t2;
    }

    void stopTimer() {
        t2 = OFF;
    }

    /** (Re)starts T2-shutdown. */
    void restartTimer(long now) {
        t2 = now + rto.rto();
    }

    /** SHUTDOWN primitive. */
    void userShutdown(long now) {
        AssociationState s = core.state();
        if (s == AssociationState.COOKIE_WAIT || s == AssociationState.COOKIE_ECHOED) {
            core.terminate(Reason.LOCAL_ABORT, "shutdown before the association was up", now, core.peerTag != 0,
                    null);
            return;
        }
        if (s == AssociationState.ESTABLISHED) {
            core.setState(Trigger.SHUTDOWN);
            checkProgress(now);
            core.flush(now);
        }
    }

    void onShutdown(Chunk.Shutdown s, long now) {
        AssociationState st = core.state();
        if (st == AssociationState.ESTABLISHED || st == AssociationState.SHUTDOWN_PENDING) {
            // the SHUTDOWN's cumulative TSN ack acknowledges like a SACK (RFC 9260 9.2)
            core.onSack(new Chunk.Sack(s.cumulativeTsnAck(), core.send.advertisedWindow(), new int[0], new int[0]),
                    now);
            if (core.state() == AssociationState.CLOSED) {
                return;
            }
            core.setState(Trigger.RCV_SHUTDOWN);
            core.handle.peerShutdown();
            ctx.event(core, new AssociationEvent.PeerShutdown());
            checkProgress(now);
        } else if (st == AssociationState.SHUTDOWN_SENT) {
            core.setState(Trigger.RCV_SHUTDOWN);
            core.queueControl(new Chunk.ShutdownAck());
            t2 = now + rto.rto();
        }
    }

    /** Moves SHUTDOWN-PENDING / SHUTDOWN-RECEIVED on once nothing is left to send (RFC 9260 9.2). */
    void checkProgress(long now) {
        AssociationState s = core.state();
        if ((s != AssociationState.SHUTDOWN_PENDING && s != AssociationState.SHUTDOWN_RECEIVED)
                || !core.send.isIdle() || core.handle.hasInbox()) {
            return;
        }
        core.setState(Trigger.NO_MORE_OUTSTANDING);
        core.send.stopT3();
        if (s == AssociationState.SHUTDOWN_PENDING) {
            core.queueControl(new Chunk.Shutdown(core.receive.cumulativeTsn()));
        } else {
            core.queueControl(new Chunk.ShutdownAck());
        }
        t2 = now + rto.rto();
        core.flush(now);
    }

    void onShutdownAck() {
        AssociationState s = core.state();
        if (s == AssociationState.SHUTDOWN_SENT || s == AssociationState.SHUTDOWN_ACK_SENT) {
            PacketWriter w = ctx.writer().begin(core.localPort, core.peerPort, core.peerTag, core.mtu());
            w.add(new Chunk.ShutdownComplete(false));
            w.finish();
            ctx.transmit(core);
            closeGracefully();
        }
    }

    void onShutdownComplete() {
        if (core.state() == AssociationState.SHUTDOWN_ACK_SENT) {
            closeGracefully();
        }
    }

    private void closeGracefully() {
        core.setState(Trigger.RCV_SHUTDOWN_COMPLETE);
        if (core.state() != AssociationState.CLOSED) {
            core.setState(Trigger.RCV_SHUTDOWN_ACK);
        }
        core.stopTimers();
        core.dropQueues();
        ctx.closed(core);
        ctx.event(core, new AssociationEvent.ShutdownComplete());
    }

    /** T2-shutdown expiry (RFC 9260 9.2): count the error, back off, send SHUTDOWN or SHUTDOWN ACK again. */
    void onT2(long now) {
        t2 = OFF;
        if (core.path.countError(now, "T2-shutdown")) {
            return;
        }
        rto.backOff();
        if (core.state() == AssociationState.SHUTDOWN_SENT) {
            core.queueControl(new Chunk.Shutdown(core.receive.cumulativeTsn()));
        } else if (core.state() == AssociationState.SHUTDOWN_ACK_SENT) {
            core.queueControl(new Chunk.ShutdownAck());
        }
        t2 = now + rto.rto();
    }
}
