package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationEvent.PeerAddressState;
import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.StateMachine.Trigger;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.ErrorCause;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.PacketWriter;
import io.liquid5gc.sctp.wire.UnknownAction;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol engine of one association (RFC 9260): the state machine, chunk dispatch, packet assembly,
 * the passive side of setup (COOKIE ECHO, restart, INIT for an existing association) and abort. Each
 * other concern has a part of its own: {@link Initiator} (5.1), {@link SendSide} with its
 * {@link CongestionController} (6.1, 6.3, 7), {@link ReceiveSide} (6.2), {@link PathMonitor} (8) and
 * {@link ShutdownSequence} (9.2). Confined to the endpoint's I/O thread; time is passed in by the caller,
 * so the engine can be driven by a manual clock.
 */
final class AssociationCore implements Reassembler.Sink {
    static final long OFF = Long.MAX_VALUE;
    /** Largest UDP payload over IPv4 (65535 - 20 - 8). */
    static final int MAX_UDP_PAYLOAD = 65507;
    /** IPv4 header (20) + UDP header (8) of RFC 6951 encapsulation; IPv6 adds 20 more. */
    private final int ipUdpOverhead;

    final UdpAssociation handle;
    private final CoreContext ctx;
    private final SctpConfig cfg;
    private final StateMachine sm = new StateMachine();
    final int localPort;
    final int peerPort;
    InetSocketAddress remote;

    int localTag;
    int peerTag;
    int localInitialTsn;
    private int inboundStreams;
    private int outboundStreams;

    // --- one part per concern; each owns its timer (absolute nanos, OFF when stopped) ---
    private final RtoEstimator rto;
    private final CongestionController cc;
    /** DATA sent, SACK processed, T3-rtx (RFC 9260 6.1, 6.2.1, 6.3). */
    final SendSide send;
    /** DATA received, SACK scheduling, the delayed-SACK timer (RFC 9260 6.2). */
    final ReceiveSide receive;
    /** Error counters and HEARTBEAT (RFC 9260 8.1 to 8.3). */
    final PathMonitor path;
    /** INIT / COOKIE ECHO with T1 (RFC 9260 5.1). */
    private final Initiator initiator;
    /** SHUTDOWN with T2 (RFC 9260 9.2). */
    private final ShutdownSequence shutdown;
    /** INIT and COOKIE ECHO for an association that exists (RFC 9260 5.2). */
    private final SetupCollisions collisions;

    /** Control chunks waiting for the next packet. */
    private final ArrayDeque<Chunk> control = new ArrayDeque<>(4);
    /** Deadline of this core's entry in the endpoint's timer queue (endpoint bookkeeping). */
    long armedDeadline = OFF;
    /** Set while this engine processes an input; lets the endpoint abort only the association at fault. */
    boolean inProgress;

    AssociationCore(CoreContext ctx, UdpAssociation handle, int localPort, int peerPort, InetSocketAddress remote) {
        this.ctx = ctx;
        this.cfg = ctx.config();
        this.handle = handle;
        this.localPort = localPort;
        this.peerPort = peerPort;
        this.remote = remote;
        this.ipUdpOverhead = (remote.getAddress() instanceof java.net.Inet6Address ? 40 : 20) + 8;
        this.rto = new RtoEstimator(cfg.rtoInitial().toNanos(), cfg.rtoMin().toNanos(), cfg.rtoMax().toNanos());
        this.cc = new CongestionController(mtu());
        this.send = new SendSide(rto, cc, maxFragment());
        this.receive = new ReceiveSide(cfg);
        this.path = new PathMonitor(this, ctx, rto);
        this.initiator = new Initiator(this, ctx, rto);
        this.shutdown = new ShutdownSequence(this, ctx, rto);
        this.collisions = new SetupCollisions(this, ctx);
    }

    AssociationState state() {
        return sm.state();
    }

    int inboundStreams() {
        return inboundStreams;
    }

    int outboundStreams() {
        return outboundStreams;
    }

    long rtoNanos() {
        return rto.rto();
    }

    long cwnd() {
        return cc.cwnd();
    }

    /** Largest SCTP packet for the path. */
    int mtu() {
        return cfg.pathMtu() - ipUdpOverhead;
    }

    /** Largest DATA payload per chunk (RFC 9260 6.9). */
    private int maxFragment() {
        return mtu() - Packet.COMMON_HEADER - Chunk.Data.HEADER;
    }

    long nextDeadline() {
        return Math.min(Math.min(Math.min(initiator.t1(), shutdown.t2()), Math.min(send.t3(), path.hbTimer())),
                receive.sackTimer());
    }

    void setState(Trigger trigger) {
        if (sm.fire(trigger)) {
            handle.publishState(sm.state());
        }
    }

    /** Queues a control chunk for the next packet. */
    void queueControl(Chunk c) {
        control.add(c);
    }

    /** Adds the queued control chunks that fit to a packet being built. */
    void addControl(PacketWriter w) {
        while (!control.isEmpty() && w.add(control.peek())) {
            control.poll();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Setup (RFC 9260 5.1)

    /** ASSOCIATE primitive: send INIT, start T1-init. */
    void connect(long now) {
        initiator.connect(now);
    }

    void setupTransfer(int peerInitialTsn, long peerRwnd, int out, int in, int myInitialTsn) {
        this.outboundStreams = out;
        this.inboundStreams = in;
        send.setup(out, peerRwnd, myInitialTsn);
        receive.setup(peerInitialTsn, in);
        handle.publishStreams(in, out);
    }

    /** A new association created from a valid COOKIE ECHO (RFC 9260 5.1 step D). */
    void acceptCookie(StateCookie c, long now) {
        localTag = c.localTag();
        peerTag = c.peerTag();
        localInitialTsn = c.localInitialTsn();
        setupTransfer(c.peerInitialTsn(), c.peerRwnd(), c.outboundStreams(), c.inboundStreams(), c.localInitialTsn());
        setState(Trigger.RCV_VALID_COOKIE_ECHO);
        control.add(new Chunk.CookieAck());
        communicationUp(now, false);
    }

    /** The peer restarted (RFC 9260 5.2.4 action A): new tags and TSNs, queues and timers reset. */
    void restart(StateCookie c, long now) {
        int oldTag = localTag;
        dropQueues();
        localTag = c.localTag();
        peerTag = c.peerTag();
        localInitialTsn = c.localInitialTsn();
        setupTransfer(c.peerInitialTsn(), c.peerRwnd(), c.outboundStreams(), c.inboundStreams(), c.localInitialTsn());
        cc.reset();
        path.resetErrors();
        send.stopT3();
        shutdown.stopTimer();
        initiator.stopTimer();
        control.add(new Chunk.CookieAck());
        ctx.localTagChanged(this, oldTag);
        ctx.event(this, new AssociationEvent.Restart(inboundStreams, outboundStreams));
        path.restartHeartbeat(now);
    }

    void communicationUp(long now, boolean viaCookieAck) {
        handle.drainInboxInto(this); // messages queued before the streams were known
        initiator.done();
        path.restartHeartbeat(now);
        ctx.event(this, new AssociationEvent.Up(inboundStreams, outboundStreams));
        handle.up();
    }

    /** INIT for an existing association (RFC 9260 5.2.1, 5.2.2). */
    void onInit(Chunk.Init init, long now) {
        collisions.onInit(init, now);
    }

    // ------------------------------------------------------------------------------------------------
    // Packet processing

    /**
     * Processes a packet addressed to this association (the endpoint has checked the verification tag).
     * {@code cookie} is the verified content of a leading COOKIE ECHO, if any.
     */
    void process(Packet p, StateCookie cookie, long now) {
        inProgress = true;
        processPacket(p, cookie, now);
        inProgress = false;
    }

    private void processPacket(Packet p, StateCookie cookie, long now) {
        boolean gotData = false;
        boolean immediate = false;
        List<ErrorCause> unrecognized = null;
        List<Chunk> chunks = p.chunks();
        boolean fresh = cookie != null && sm.state() == AssociationState.CLOSED;
        if (fresh) {
            acceptCookie(cookie, now);
        }
        for (int i = 0; i < chunks.size() && sm.state() != AssociationState.CLOSED; i++) {
            Chunk c = chunks.get(i);
            switch (c) {
                case Chunk.Data d -> {
                    gotData = true;
                    immediate |= d.immediate();
                    if (!onData(d, now)) {
                        return;
                    }
                }
                case Chunk.Sack s -> onSack(s, now);
                case Chunk.Heartbeat h -> control.add(new Chunk.HeartbeatAck(h.info()));
                case Chunk.HeartbeatAck h -> path.onHeartbeatAck(h, now);
                case Chunk.Abort a -> {
                    terminate(Reason.PEER_ABORT, "peer ABORT " + a.causes(), now, false, null);
                    return;
                }
                case Chunk.Shutdown s -> shutdown.onShutdown(s, now);
                case Chunk.ShutdownAck s -> shutdown.onShutdownAck();
                case Chunk.ShutdownComplete s -> shutdown.onShutdownComplete();
                case Chunk.Error e -> onError(e, now);
                case Chunk.CookieEcho ce -> {
                    if (cookie != null && i == 0 && !fresh) {
                        collisions.onCookieEcho(cookie, now);
                    }
                }
                case Chunk.CookieAck ca -> {
                    if (sm.state() == AssociationState.COOKIE_ECHOED) {
                        setState(Trigger.RCV_COOKIE_ACK);
                        communicationUp(now, true);
                    }
                }
                case Chunk.InitAck ia -> initiator.onInitAck(ia, now);
                case Chunk.Init in -> {
                    // RFC 9260 6.10: INIT must be alone; a bundled INIT is discarded
                }
                case Chunk.Unknown u -> {
                    UnknownAction a = u.action();
                    if (a.reports()) {
                        if (unrecognized == null) {
                            unrecognized = new ArrayList<>(1);
                        }
                        unrecognized.add(ErrorCause.unrecognizedChunk(u.type(), u.flags(), u.value()));
                    }
                    if (a.stops()) {
                        i = chunks.size();
                    }
                }
            }
        }
        if (sm.state() == AssociationState.CLOSED) {
            return;
        }
        if (unrecognized != null) {
            // RFC 9260 3.2: report unrecognized chunks in an ERROR chunk
            control.add(new Chunk.Error(unrecognized));
        }
        if (gotData) {
            receive.afterDataPacket(immediate, sm.state() == AssociationState.ESTABLISHED, now);
        }
        flush(now);
    }

    /** The peer's UDP source changed (RFC 6951 5.4: remember the encapsulation port per address). */
    void updateRemote(InetSocketAddress from) {
        if (!from.equals(remote)) {
            InetSocketAddress old = remote;
            remote = from;
            ctx.remoteChanged(this, old);
            handle.publishRemote(from);
            ctx.event(this, new AssociationEvent.PeerAddressChanged(from, PeerAddressState.ADDRESS_CHANGED));
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Receiving DATA (RFC 9260 6.2, 6.5, 6.9)

    /** Returns false if the association was aborted. */
    private boolean onData(Chunk.Data d, long now) {
        AssociationState s = sm.state();
        if (s != AssociationState.ESTABLISHED && s != AssociationState.SHUTDOWN_PENDING
                && s != AssociationState.SHUTDOWN_SENT) {
            return true;
        }
        switch (receive.onData(d, this)) {
            case NO_USER_DATA -> {
                // RFC 9260 6.2: DATA without user data
                terminate(Reason.PROTOCOL_ERROR, "DATA chunk without user data", now, true,
                        ErrorCause.noUserData(d.tsn()));
                return false;
            }
            case MESSAGE_TOO_LARGE -> {
                terminate(Reason.PROTOCOL_ERROR, "message larger than " + cfg.maxMessageBytes() + " bytes", now,
                        true, ErrorCause.of(ErrorCause.Code.OUT_OF_RESOURCE));
                return false;
            }
            case INVALID_STREAM -> {
                // RFC 9260 6.5: acknowledge, report Invalid Stream Identifier, discard
                control.add(new Chunk.Error(List.of(ErrorCause.invalidStream(d.streamId()))));
                return true;
            }
            case ACCEPTED -> {
            }
        }
        if (s == AssociationState.SHUTDOWN_SENT) {
            // RFC 9260 9.2: answer DATA with SHUTDOWN and restart T2
            control.add(new Chunk.Shutdown(receive.cumulativeTsn()));
            shutdown.restartTimer(now);
        }
        return true;
    }

    @Override
    public void deliver(int streamId, int ppid, boolean unordered, byte[] payload) {
        ctx.deliver(this, new SctpMessage(streamId, ppid, unordered, payload));
    }

    // ------------------------------------------------------------------------------------------------
    // SACK processing (RFC 9260 6.2.1, 7.2): the send side's bookkeeping, then the association's reaction

    void onSack(Chunk.Sack s, long now) {
        AssociationState st = sm.state();
        if (st == AssociationState.CLOSED || st == AssociationState.COOKIE_WAIT || st == AssociationState.COOKIE_ECHOED) {
            return;
        }
        SendSide.SackResult r = send.onSack(s, now);
        switch (r.kind()) {
            case OUT_OF_ORDER -> {
                return; // RFC 9260 6.2.1 D i)
            }
            case UNSENT_TSN -> {
                // RFC 9260 6.2.1: acknowledging a TSN never sent
                terminate(Reason.PROTOCOL_ERROR, "SACK acknowledges unsent TSN", now, true,
                        ErrorCause.protocolViolation("cumulative TSN ack beyond highest TSN sent"));
                return;
            }
            case ACCEPTED -> {
            }
        }
        if (r.newlyAcked()) {
            // RFC 9260 8.1, 8.2: acknowledged DATA clears the error counters
            path.reachable();
        }
        if (r.released() > 0) {
            handle.release(r.released());
        }
        shutdown.checkProgress(now);
    }

    // ------------------------------------------------------------------------------------------------
    // Sending (RFC 9260 6.1)

    /** Queues a user message, fragmented to the path MTU (RFC 9260 6.9); SSN assigned per stream. */
    void enqueue(SctpMessage m) {
        send.enqueue(m);
    }

    private boolean canSendData() {
        AssociationState s = sm.state();
        return s == AssociationState.ESTABLISHED || s == AssociationState.SHUTDOWN_PENDING
                || s == AssociationState.SHUTDOWN_RECEIVED;
    }

    /** Sends what is due: control chunks, SACK, retransmissions and new DATA within cwnd and rwnd. */
    void flush(long now) {
        if (sm.state() == AssociationState.CLOSED || peerTag == 0) {
            return;
        }
        int mtu = mtu();
        int packets = 0;
        boolean dataAllowed = canSendData();
        while (true) {
            boolean wantData = dataAllowed && send.wantsToSend();
            boolean sackNow = receive.sackNow();
            if (control.isEmpty() && !sackNow && !wantData) {
                break;
            }
            PacketWriter w = ctx.writer().begin(localPort, peerPort, peerTag, mtu);
            if (!control.isEmpty() && !w.fits(control.peek())) {
                // a control chunk larger than the path MTU (e.g. the ACK of a big HEARTBEAT): send it
                // alone in a datagram up to the UDP maximum (IP fragments it) or drop it if even that fails
                Chunk big = control.poll();
                w = ctx.writer().begin(localPort, peerPort, peerTag, MAX_UDP_PAYLOAD);
                if (w.add(big)) {
                    w.finish();
                    ctx.transmit(this);
                }
                continue;
            }
            addControl(w);
            if ((sackNow || receive.sackTimer() != OFF && wantData) && receive.isSetUp()) {
                // a delayed SACK rides along with DATA (RFC 9260 6.2 bundling)
                Chunk.Sack sack = receive.buildSack();
                if (!w.add(sack)) {
                    // very large gap report: send what we have, SACK next
                    receive.requestSack();
                }
            }
            boolean sentData = false;
            if (wantData) {
                sentData = send.fill(w, now);
            }
            if (w.isEmpty()) {
                break;
            }
            w.finish();
            ctx.transmit(this);
            if (sentData) {
                path.dataSent();
                if (++packets >= cfg.maxBurst() && !send.fastRtxPending()) { // RFC 9260 6.1: at most Max.Burst packets per burst
                    break;
                }
            }
        }
        shutdown.checkProgress(now);
    }

    // ------------------------------------------------------------------------------------------------
    // Timers

    void onTimer(long now) {
        inProgress = true;
        onTimers(now);
        inProgress = false;
    }

    private void onTimers(long now) {
        if (initiator.t1() <= now) {
            initiator.onT1(now);
        }
        if (send.t3() <= now && sm.state() != AssociationState.CLOSED) {
            onT3(now);
        }
        if (shutdown.t2() <= now && sm.state() != AssociationState.CLOSED) {
            shutdown.onT2(now);
        }
        if (path.hbTimer() <= now && sm.state() != AssociationState.CLOSED) {
            AssociationState s = sm.state();
            Chunk.Heartbeat hb = path.onHeartbeatTimer(now,
                    s == AssociationState.COOKIE_WAIT || s == AssociationState.COOKIE_ECHOED);
            if (hb != null) {
                control.add(hb);
            }
        }
        if (receive.sackTimer() <= now && sm.state() != AssociationState.CLOSED) {
            receive.onSackTimer();
        }
        if (sm.state() != AssociationState.CLOSED) {
            flush(now);
        }
    }

    /** RFC 9260 6.3.3: T3-rtx expiry. */
    private void onT3(long now) {
        send.stopT3();
        if (!send.hasOutstanding()) {
            return;
        }
        if (path.countError(now, "T3-rtx")) {
            return;
        }
        send.onT3Expired(now);
    }

    // ------------------------------------------------------------------------------------------------
    // ERROR chunks (RFC 9260 3.3.10)

    private void onError(Chunk.Error e, long now) {
        for (ErrorCause c : e.causes()) {
            if (c.knownCode() == ErrorCause.Code.STALE_COOKIE && sm.state() == AssociationState.COOKIE_ECHOED
                    && c.info().length == 4) {
                initiator.onStaleCookie(c.info(), now); // RFC 9260 5.2.6
                return;
            }
        }
        ctx.event(this, new AssociationEvent.RemoteError(e.causes().toString()));
    }

    // ------------------------------------------------------------------------------------------------
    // Shutdown (RFC 9260 9.2, in ShutdownSequence) and abort (RFC 9260 9.1)

    /** SHUTDOWN primitive (RFC 9260 9.2). */
    void userShutdown(long now) {
        shutdown.userShutdown(now);
    }

    /** ABORT primitive (RFC 9260 9.1). */
    void userAbort(String reason, long now) {
        if (sm.state() == AssociationState.CLOSED) {
            return;
        }
        byte[] r = reason == null ? new byte[0] : reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (r.length > 256) {
            r = java.util.Arrays.copyOf(r, 256);
        }
        terminate(Reason.LOCAL_ABORT, reason, now, peerTag != 0, ErrorCause.of(ErrorCause.Code.USER_INITIATED_ABORT, r));
    }

    /** Ends the association: optional ABORT to the peer, CLOSED, COMMUNICATION LOST. */
    void terminate(Reason reason, String detail, long now, boolean sendAbort, ErrorCause cause) {
        if (sm.state() == AssociationState.CLOSED) {
            return;
        }
        if (sendAbort && peerTag != 0) {
            PacketWriter w = ctx.writer().begin(localPort, peerPort, peerTag, mtu());
            w.add(new Chunk.Abort(false, cause == null ? List.of() : List.of(cause)));
            w.finish();
            ctx.transmit(this);
        }
        setState(Trigger.ABORT);
        stopTimers();
        dropQueues();
        handle.failConnect(reason, detail);
        ctx.closed(this);
        ctx.event(this, new AssociationEvent.CommunicationLost(reason, detail));
    }

    void stopTimers() {
        initiator.stopTimer();
        shutdown.stopTimer();
        send.stopT3();
        path.stopTimer();
        receive.stopTimer();
    }

    void dropQueues() {
        long bytes = send.drop();
        control.clear();
        bytes += handle.drainInbox();
        if (bytes > 0) {
            handle.release(bytes);
        }
    }
}
