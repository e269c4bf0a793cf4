package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.udp.StateMachine.Trigger;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.ErrorCause;
import io.liquid5gc.sctp.wire.PacketWriter;
import java.util.List;

/**
 * INIT and COOKIE ECHO arriving for an association that already exists (RFC 9260 5.2): collisions, a peer's restart,
 * duplicates, and the INIT ACK that answers an INIT in each state. The {@link AssociationCore} owns the state; this
 * decides what Table 2 of 5.2.4 says to do with it.
 */
final class SetupCollisions {
    private final AssociationCore core;
    private final CoreContext ctx;

    SetupCollisions(AssociationCore core, CoreContext ctx) {
        this.core = core;
        this.ctx = ctx;
    }

    /** COOKIE ECHO for an existing association: RFC 9260 5.2.4 Table 2. */
    void onCookieEcho(StateCookie c, long now) {
        boolean localMatch = c.localTag() == core.localTag;
        boolean peerMatch = c.peerTag() == core.peerTag;
        AssociationState s = core.state();
        if (!localMatch && !peerMatch && c.localTieTag() == core.localTag && c.peerTieTag() == core.peerTag) {
            // action A: the peer restarted
            if (s == AssociationState.SHUTDOWN_ACK_SENT) {
                core.queueControl(new Chunk.ShutdownAck());
                core.queueControl(new Chunk.Error(List.of(ErrorCause.of(ErrorCause.Code.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN))));
                return;
            }
            core.restart(c, now);
        } else if (localMatch && !peerMatch) {
            // action B: INIT collision, our tag survived
            core.peerTag = c.peerTag();
            core.setupTransfer(c.peerInitialTsn(), c.peerRwnd(), c.outboundStreams(), c.inboundStreams(), core.localInitialTsn);
            if (s == AssociationState.COOKIE_WAIT || s == AssociationState.COOKIE_ECHOED) {
                core.setState(Trigger.RCV_VALID_COOKIE_ECHO);
                core.communicationUp(now, false);
            }
            core.queueControl(new Chunk.CookieAck());
        } else if (!localMatch && peerMatch && c.localTieTag() == 0 && c.peerTieTag() == 0) {
            // action C: silently discard
        } else if (localMatch) {
            // action D: both tags match
            if (s == AssociationState.COOKIE_ECHOED || s == AssociationState.COOKIE_WAIT) {
                core.setState(Trigger.RCV_VALID_COOKIE_ECHO);
                core.communicationUp(now, false);
            }
            core.queueControl(new Chunk.CookieAck());
        }
    }

    /** INIT for an existing association: RFC 9260 5.2.1 and 5.2.2, 9.2 for SHUTDOWN-ACK-SENT. */
    void onInit(Chunk.Init init, long now) {
        AssociationState s = core.state();
        if (s == AssociationState.SHUTDOWN_ACK_SENT) {
            core.queueControl(new Chunk.ShutdownAck());
            core.flush(now);
            return;
        }
        Chunk.InitAck ack;
        if (s == AssociationState.COOKIE_WAIT) {
            ack = Handshake.initAck(ctx, init, core.peerPort, core.localPort, core.localTag, core.localInitialTsn, 0, 0);
        } else if (s == AssociationState.COOKIE_ECHOED) {
            ack = Handshake.initAck(ctx, init, core.peerPort, core.localPort, core.localTag, core.localInitialTsn, core.localTag, core.peerTag);
        } else {
            ack = Handshake.initAck(ctx, init, core.peerPort, core.localPort, Handshake.newTag(ctx.random()),
                    ctx.random().nextInt(), core.localTag, core.peerTag);
        }
        // RFC 9260 5.2.1: the INIT ACK goes to where the INIT came from, with the INIT's tag
        PacketWriter w = ctx.writer().begin(core.localPort, core.peerPort, init.initiateTag(), AssociationCore.MAX_UDP_PAYLOAD);
        w.add(ack);
        w.finish();
        ctx.transmit(core);
    }
}
