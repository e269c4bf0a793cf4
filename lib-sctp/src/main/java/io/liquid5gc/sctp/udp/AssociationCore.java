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
import io.liquid5gc.sctp.wire.Param;
import io.liquid5gc.sctp.wire.UnknownAction;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol engine of one association (RFC 9260): handshake, data transfer with SACK, RTO and
 * congestion control, heartbeats, shutdown and abort. Confined to the endpoint's I/O thread; time is
 * passed in by the caller, so the engine can be driven by a manual clock.
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
    private int localInitialTsn;
    private int inboundStreams;
    private int outboundStreams;

    // --- send side (RFC 9260 6.1, 7) ---
    private final ArrayDeque<OutChunk> pending = new ArrayDeque<>();
    private final OutRing outstanding = new OutRing();
    private int[] nextSsn = new int[0];
    private int nextTsn;
    private int cumAckPoint;
    private long flightSize;
    private long unackedBytes;
    private long cwnd;
    private long ssthresh;
    private long partialBytesAcked;
    private long peerRwnd;
    private boolean inFastRecovery;
    private int fastRecoveryExit;
    private boolean fastRtxPending;
    private int retransmitMarked;
    private int gapAckedCount;
    private final RtoEstimator rto;
    private boolean rttActive;
    private int rttTsn;
    private long rttStart;

    // --- receive side (RFC 9260 6.2) ---
    private ReceiveTracker rx;
    private Reassembler reasm;
    private boolean sackNow;
    private int dataPacketsUnacked;

    // --- control ---
    private final ArrayDeque<Chunk> control = new ArrayDeque<>(4);
    private Chunk.Init initChunk;
    private byte[] cookieEcho;
    private int initRetransmits;
    private int errorCount;
    private int pathErrors;
    private boolean pathActive = true;
    private long hbNonce;
    private boolean hbOutstanding;
    private boolean pathIdle = true;
    private boolean shutdownSent;

    // --- timers (absolute nanos, OFF when stopped) ---
    private long t1 = OFF;
    private long t2 = OFF;
    private long t3 = OFF;
    private long hbTimer = OFF;
    private long sackTimer = OFF;
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
        int mtu = mtu();
        this.cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404));
        this.ssthresh = Integer.MAX_VALUE;
        this.hbNonce = ctx.random().nextLong();
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
        return cwnd;
    }

    /** Largest SCTP packet for the path. */
    private int mtu() {
        return cfg.pathMtu() - ipUdpOverhead;
    }

    /** Largest DATA payload per chunk (RFC 9260 6.9). */
    private int maxFragment() {
        return mtu() - Packet.COMMON_HEADER - Chunk.Data.HEADER;
    }

    long nextDeadline() {
        return Math.min(Math.min(Math.min(t1, t2), Math.min(t3, hbTimer)), sackTimer);
    }

    private void setState(Trigger trigger) {
        if (sm.fire(trigger)) {
            handle.publishState(sm.state());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Setup (RFC 9260 5.1)

    /** ASSOCIATE primitive: send INIT, start T1-init. */
    void connect(long now) {
        localTag = Handshake.newTag(ctx.random());
        localInitialTsn = ctx.random().nextInt();
        initRetransmits = 0;
        initChunk = Handshake.init(cfg, localTag, localInitialTsn, 0);
        setState(Trigger.ASSOCIATE);
        sendInit(now);
    }

    private void sendInit(long now) {
        PacketWriter w = ctx.writer().begin(localPort, peerPort, 0, mtu());
        w.add(initChunk);
        w.finish();
        ctx.transmit(this);
        t1 = now + rto.rto();
    }

    /** RFC 9260 5.1 step B/C: INIT ACK in COOKIE-WAIT; otherwise discarded (RFC 9260 5.2.3). */
    private void onInitAck(Chunk.InitAck ack, long now) {
        if (sm.state() != AssociationState.COOKIE_WAIT) {
            return;
        }
        byte[] cookie = ack.cookie();
        if (!Handshake.initAcceptable(ack.initiateTag(), ack.outboundStreams(), ack.inboundStreams())
                || cookie == null) {
            // RFC 9260 5.1: a malformed INIT ACK destroys the association
            terminate(Reason.PROTOCOL_ERROR, "invalid INIT ACK", now, false, null);
            return;
        }
        peerTag = ack.initiateTag();
        setupTransfer(ack.initialTsn(), ack.aRwnd(), Math.min(cfg.outboundStreams(), ack.inboundStreams()),
                Math.min(ack.outboundStreams(), cfg.maxInboundStreams()), localInitialTsn);
        cookieEcho = cookie;
        initRetransmits = 0;
        setState(Trigger.RCV_INIT_ACK);
        Handshake.ParamScan scan = Handshake.scan(ack.params());
        if (!scan.unrecognized().isEmpty()) {
            // RFC 9260 3.2.1: report in an ERROR chunk bundled with the COOKIE ECHO
            List<ErrorCause> causes = new ArrayList<>();
            for (Param p : scan.unrecognized()) {
                causes.add(ErrorCause.of(ErrorCause.Code.UNRECOGNIZED_PARAMETERS, Handshake.tlv(p)));
            }
            control.add(new Chunk.Error(causes));
        }
        sendCookieEcho(now);
    }

    private void sendCookieEcho(long now) {
        PacketWriter w = ctx.writer().begin(localPort, peerPort, peerTag, mtu());
        w.add(new Chunk.CookieEcho(cookieEcho));
        while (!control.isEmpty() && w.add(control.peek())) {
            control.poll();
        }
        w.finish();
        ctx.transmit(this);
        t1 = now + rto.rto();
    }

    private void setupTransfer(int peerInitialTsn, long peerRwnd, int out, int in, int myInitialTsn) {
        this.outboundStreams = out;
        this.inboundStreams = in;
        this.nextSsn = new int[out];
        this.rx = new ReceiveTracker(peerInitialTsn);
        this.reasm = new Reassembler(in, cfg.maxMessageBytes());
        this.peerRwnd = peerRwnd;
        this.nextTsn = myInitialTsn;
        this.cumAckPoint = myInitialTsn - 1;
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

    /** COOKIE ECHO for an existing association: RFC 9260 5.2.4 Table 2. */
    private void onCookieEcho(StateCookie c, long now) {
        boolean localMatch = c.localTag() == localTag;
        boolean peerMatch = c.peerTag() == peerTag;
        AssociationState s = sm.state();
        if (!localMatch && !peerMatch && c.localTieTag() == localTag && c.peerTieTag() == peerTag) {
            // action A: the peer restarted
            if (s == AssociationState.SHUTDOWN_ACK_SENT) {
                control.add(new Chunk.ShutdownAck());
                control.add(new Chunk.Error(List.of(ErrorCause.of(ErrorCause.Code.COOKIE_RECEIVED_WHILE_SHUTTING_DOWN))));
                return;
            }
            restart(c, now);
        } else if (localMatch && !peerMatch) {
            // action B: INIT collision, our tag survived
            peerTag = c.peerTag();
            setupTransfer(c.peerInitialTsn(), c.peerRwnd(), c.outboundStreams(), c.inboundStreams(), localInitialTsn);
            if (s == AssociationState.COOKIE_WAIT || s == AssociationState.COOKIE_ECHOED) {
                setState(Trigger.RCV_VALID_COOKIE_ECHO);
                communicationUp(now, false);
            }
            control.add(new Chunk.CookieAck());
        } else if (!localMatch && peerMatch && c.localTieTag() == 0 && c.peerTieTag() == 0) {
            // action C: silently discard
        } else if (localMatch) {
            // action D: both tags match
            if (s == AssociationState.COOKIE_ECHOED || s == AssociationState.COOKIE_WAIT) {
                setState(Trigger.RCV_VALID_COOKIE_ECHO);
                communicationUp(now, false);
            }
            control.add(new Chunk.CookieAck());
        }
    }

    private void restart(StateCookie c, long now) {
        int oldTag = localTag;
        dropQueues();
        localTag = c.localTag();
        peerTag = c.peerTag();
        localInitialTsn = c.localInitialTsn();
        setupTransfer(c.peerInitialTsn(), c.peerRwnd(), c.outboundStreams(), c.inboundStreams(), c.localInitialTsn());
        int mtu = mtu();
        cwnd = Math.min(4L * mtu, Math.max(2L * mtu, 4404));
        ssthresh = Integer.MAX_VALUE;
        inFastRecovery = false;
        errorCount = 0;
        pathErrors = 0;
        t3 = OFF;
        t2 = OFF;
        t1 = OFF;
        control.add(new Chunk.CookieAck());
        ctx.localTagChanged(this, oldTag);
        ctx.event(this, new AssociationEvent.Restart(inboundStreams, outboundStreams));
        restartHeartbeat(now);
    }

    private void communicationUp(long now, boolean viaCookieAck) {
        handle.drainInboxInto(this); // messages queued before the streams were known
        t1 = OFF;
        cookieEcho = null;
        initChunk = null;
        restartHeartbeat(now);
        ctx.event(this, new AssociationEvent.Up(inboundStreams, outboundStreams));
        handle.up();
    }

    /** INIT for an existing association: RFC 9260 5.2.1 and 5.2.2, 9.2 for SHUTDOWN-ACK-SENT. */
    void onInit(Chunk.Init init, long now) {
        AssociationState s = sm.state();
        if (s == AssociationState.SHUTDOWN_ACK_SENT) {
            control.add(new Chunk.ShutdownAck());
            flush(now);
            return;
        }
        Chunk.InitAck ack;
        if (s == AssociationState.COOKIE_WAIT) {
            ack = Handshake.initAck(ctx, init, peerPort, localPort, localTag, localInitialTsn, 0, 0);
        } else if (s == AssociationState.COOKIE_ECHOED) {
            ack = Handshake.initAck(ctx, init, peerPort, localPort, localTag, localInitialTsn, localTag, peerTag);
        } else {
            ack = Handshake.initAck(ctx, init, peerPort, localPort, Handshake.newTag(ctx.random()),
                    ctx.random().nextInt(), localTag, peerTag);
        }
        // RFC 9260 5.2.1: the INIT ACK goes to where the INIT came from, with the INIT's tag
        PacketWriter w = ctx.writer().begin(localPort, peerPort, init.initiateTag(), MAX_UDP_PAYLOAD);
        w.add(ack);
        w.finish();
        ctx.transmit(this);
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
                case Chunk.HeartbeatAck h -> onHeartbeatAck(h, now);
                case Chunk.Abort a -> {
                    terminate(Reason.PEER_ABORT, "peer ABORT " + a.causes(), now, false, null);
                    return;
                }
                case Chunk.Shutdown s -> onShutdown(s, now);
                case Chunk.ShutdownAck s -> onShutdownAck(now);
                case Chunk.ShutdownComplete s -> onShutdownComplete(now);
                case Chunk.Error e -> onError(e, now);
                case Chunk.CookieEcho ce -> {
                    if (cookie != null && i == 0 && !fresh) {
                        onCookieEcho(cookie, now);
                    }
                }
                case Chunk.CookieAck ca -> {
                    if (sm.state() == AssociationState.COOKIE_ECHOED) {
                        setState(Trigger.RCV_COOKIE_ACK);
                        communicationUp(now, true);
                    }
                }
                case Chunk.InitAck ia -> onInitAck(ia, now);
                case Chunk.Init in -> {
                    // RFC 9260 6.10: INIT must be alone; a bundled INIT is discarded
                }
                case Chunk.Unknown u -> {
                    UnknownAction a = u.action();
                    if (a.reports()) {
                        if (unrecognized == null) {
                            unrecognized = new ArrayList<>(1);
                        }
                        unrecognized.add(ErrorCause.of(ErrorCause.Code.UNRECOGNIZED_CHUNK_TYPE,
                                unknownChunkBytes(u)));
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
            afterDataPacket(immediate, now);
        }
        flush(now);
    }

    private static byte[] unknownChunkBytes(Chunk.Unknown u) {
        int len = 4 + u.value().length;
        byte[] b = new byte[(len + 3) & ~3];
        b[0] = (byte) u.type();
        b[1] = (byte) u.flags();
        b[2] = (byte) (len >>> 8);
        b[3] = (byte) len;
        System.arraycopy(u.value(), 0, b, 4, u.value().length);
        return b;
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
        if (d.payload().length == 0) {
            // RFC 9260 6.2: DATA without user data
            terminate(Reason.PROTOCOL_ERROR, "DATA chunk without user data", now, true,
                    ErrorCause.of(ErrorCause.Code.NO_USER_DATA, tsnBytes(d.tsn())));
            return false;
        }
        int tsn = d.tsn();
        switch (rx.classify(tsn)) {
            case DUPLICATE -> {
                rx.recordDuplicate(tsn);
                sackNow = true;
                return true;
            }
            case OUT_OF_WINDOW -> {
                sackNow = true;
                return true;
            }
            case NEW -> {
            }
        }
        long held = reasm.heldBytes();
        if (held + d.payload().length > cfg.receiveBufferBytes()) {
            // RFC 9260 6.2: with no window left, drop DATA beyond the highest TSN; accept gap fillers (bounded)
            if (Tsn.gt(tsn, rx.highestTsn()) || held >= 2L * cfg.receiveBufferBytes()) {
                sackNow = true;
                return true;
            }
        }
        long utsn = rx.unwrap(tsn);
        rx.record(tsn);
        if (d.streamId() >= inboundStreams) {
            // RFC 9260 6.5: acknowledge, report Invalid Stream Identifier, discard
            control.add(new Chunk.Error(List.of(ErrorCause.invalidStream(d.streamId()))));
            sackNow = true;
            return true;
        }
        if (reasm.accept(d, utsn, this) == Reassembler.Result.MESSAGE_TOO_LARGE) {
            terminate(Reason.PROTOCOL_ERROR, "message larger than " + cfg.maxMessageBytes() + " bytes", now, true,
                    ErrorCause.of(ErrorCause.Code.OUT_OF_RESOURCE));
            return false;
        }
        if (s == AssociationState.SHUTDOWN_SENT) {
            // RFC 9260 9.2: answer DATA with SHUTDOWN and restart T2
            control.add(new Chunk.Shutdown(rx.cumulativeTsn()));
            t2 = now + rto.rto();
        }
        return true;
    }

    private static byte[] tsnBytes(int tsn) {
        return new byte[] {(byte) (tsn >>> 24), (byte) (tsn >>> 16), (byte) (tsn >>> 8), (byte) tsn};
    }

    @Override
    public void deliver(int streamId, int ppid, boolean unordered, byte[] payload) {
        ctx.deliver(this, new SctpMessage(streamId, ppid, unordered, payload));
    }

    /** RFC 9260 6.2: SACK every second DATA packet, immediately on gaps/duplicates/I bit, else delayed. */
    private void afterDataPacket(boolean immediate, long now) {
        dataPacketsUnacked++;
        if (immediate || dataPacketsUnacked >= 2 || rx.hasGaps() || rx.hasDuplicates() || cfg.sackDelay().isZero()
                || sm.state() != AssociationState.ESTABLISHED) {
            sackNow = true;
        } else if (sackTimer == OFF) {
            sackTimer = now + cfg.sackDelay().toNanos();
        }
    }

    private Chunk.Sack buildSack() {
        long rwnd = Math.max(0, cfg.receiveBufferBytes() - reasm.heldBytes());
        sackNow = false;
        sackTimer = OFF;
        dataPacketsUnacked = 0;
        return rx.buildSack(rwnd);
    }

    // ------------------------------------------------------------------------------------------------
    // SACK processing (RFC 9260 6.2.1, 7.2)

    private void onSack(Chunk.Sack s, long now) {
        AssociationState st = sm.state();
        if (st == AssociationState.CLOSED || st == AssociationState.COOKIE_WAIT || st == AssociationState.COOKIE_ECHOED) {
            return;
        }
        int cum = s.cumulativeTsnAck();
        if (Tsn.lt(cum, cumAckPoint)) {
            return; // RFC 9260 6.2.1 D i): out of order SACK
        }
        if (Tsn.ge(cum, nextTsn)) {
            // RFC 9260 6.2.1: acknowledging a TSN never sent
            terminate(Reason.PROTOCOL_ERROR, "SACK acknowledges unsent TSN", now, true,
                    ErrorCause.protocolViolation("cumulative TSN ack beyond highest TSN sent"));
            return;
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
        if (newlyAcked) {
            // RFC 9260 8.1, 8.2: acknowledged DATA clears the error counters
            errorCount = 0;
            pathErrors = 0;
            if (!pathActive) {
                pathActive = true;
                ctx.event(this, new AssociationEvent.PeerAddressChanged(remote, PeerAddressState.AVAILABLE));
            }
        }
        // RFC 9260 7.2.4: miss indications (HTNA), fast retransmit on the third
        int missBound = inFastRecovery && cumAdvanced ? highestGapAcked : htna;
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
        // RFC 9260 7.2.1, 7.2.2: cwnd growth on cumulative ack advance outside fast recovery
        if (cumAdvanced && !inFastRecovery && bytesAcked > 0) {
            int mtu = mtu();
            boolean fullyUsed = flightBefore + mtu > cwnd;
            if (cwnd <= ssthresh) {
                if (fullyUsed) {
                    cwnd += Math.min(bytesAcked, mtu);
                }
            } else {
                partialBytesAcked += bytesAcked;
                if (partialBytesAcked >= cwnd && fullyUsed) {
                    partialBytesAcked -= cwnd;
                    cwnd += mtu;
                }
            }
        }
        if (inFastRecovery && Tsn.ge(cum, fastRecoveryExit)) {
            inFastRecovery = false;
        }
        // RFC 9260 6.2.1 D iv: rwnd = a_rwnd minus bytes still outstanding
        peerRwnd = Math.max(0, s.aRwnd() - unackedBytes);
        // RFC 9260 6.3.2 R2/R3
        if (outstanding.isEmpty()) {
            t3 = OFF;
        } else if (cumAdvanced) {
            t3 = now + rto.rto();
        }
        if (released > 0) {
            handle.release(released);
        }
        checkShutdownProgress(now);
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
        if (!inFastRecovery) {
            // RFC 9260 7.2.3 / 7.2.4: enter Fast Recovery
            inFastRecovery = true;
            fastRecoveryExit = nextTsn - 1;
            ssthresh = Math.max(cwnd / 2, 4L * mtu());
            cwnd = ssthresh;
            partialBytesAcked = 0;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Sending (RFC 9260 6.1)

    /** Queues a user message, fragmented to the path MTU (RFC 9260 6.9); SSN assigned per stream. */
    void enqueue(SctpMessage m) {
        byte[] p = m.payload();
        int frag = maxFragment();
        int ssn = 0;
        if (!m.unordered()) {
            ssn = nextSsn[m.streamId()];
            nextSsn[m.streamId()] = (ssn + 1) & 0xFFFF;
        }
        int u = m.unordered() ? Chunk.Data.FLAG_U : 0;
        for (int off = 0; off < p.length; off += frag) {
            int len = Math.min(frag, p.length - off);
            int flags = u | (off == 0 ? Chunk.Data.FLAG_B : 0) | (off + len == p.length ? Chunk.Data.FLAG_E : 0);
            pending.add(new OutChunk(m.streamId(), ssn, m.ppid(), flags, p, off, len));
        }
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
            boolean wantData = dataAllowed && (retransmitMarked > 0 && (fastRtxPending || flightSize < cwnd)
                    || !pending.isEmpty() && flightSize < cwnd && rwndAllows(pending.peek().length));
            if (control.isEmpty() && !sackNow && !(wantData && sackTimer != OFF) && !wantData) {
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
            while (!control.isEmpty() && w.add(control.peek())) {
                control.poll();
            }
            if ((sackNow || sackTimer != OFF && wantData) && rx != null) {
                Chunk.Sack sack = buildSack();
                if (!w.add(sack)) {
                    // very large gap report: send what we have, SACK next
                    sackNow = true;
                }
            }
            boolean sentData = false;
            if (wantData) {
                sentData = fillData(w, now);
            }
            if (w.isEmpty()) {
                break;
            }
            w.finish();
            ctx.transmit(this);
            if (sentData) {
                pathIdle = false;
                if (++packets >= cfg.maxBurst() && !fastRtxPending) { // RFC 9260 6.1: at most Max.Burst packets per burst
                    break;
                }
            }
        }
        checkShutdownProgress(now);
    }

    /**
     * RFC 9260 7.2.1: a path that sent no data for an RTO has its cwnd reduced to max(cwnd/2, 4*MTU)
     * per RTO of idleness, so an idle association does not burst a stale window.
     */
    private void decayIdleCwnd(long now) {
        if (flightSize == 0 && lastDataSentAt != 0) {
            long r = rto.rto();
            long floor = 4L * mtu();
            for (long idle = now - lastDataSentAt; idle >= r && cwnd > floor; idle -= r) {
                cwnd = Math.max(cwnd / 2, floor);
            }
        }
    }

    private long lastDataSentAt;

    private boolean rwndAllows(int len) {
        // RFC 9260 6.1 A: respect rwnd, but one chunk may probe a zero window with nothing outstanding
        return peerRwnd >= len || unackedBytes == 0;
    }

    private boolean fillData(PacketWriter w, long now) {
        decayIdleCwnd(now);
        boolean sent = fillDataWithin(w, now);
        if (sent) {
            lastDataSentAt = now;
        }
        return sent;
    }

    private boolean fillDataWithin(PacketWriter w, long now) {
        boolean sent = false;
        if (retransmitMarked > 0) {
            boolean fast = fastRtxPending;
            for (int i = 0; i < outstanding.size() && retransmitMarked > 0; i++) {
                OutChunk c = outstanding.get(i);
                if (!c.retransmit || fast && !c.fastRetransmit) {
                    continue;
                }
                if (!fast && flightSize >= cwnd) {
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
        while (!pending.isEmpty() && flightSize < cwnd) {
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

    // ------------------------------------------------------------------------------------------------
    // Timers

    void onTimer(long now) {
        inProgress = true;
        onTimers(now);
        inProgress = false;
    }

    private void onTimers(long now) {
        if (t1 <= now) {
            onT1(now);
        }
        if (t3 <= now && sm.state() != AssociationState.CLOSED) {
            onT3(now);
        }
        if (t2 <= now && sm.state() != AssociationState.CLOSED) {
            onT2(now);
        }
        if (hbTimer <= now && sm.state() != AssociationState.CLOSED) {
            onHeartbeatTimer(now);
        }
        if (sackTimer <= now && sm.state() != AssociationState.CLOSED) {
            sackTimer = OFF;
            sackNow = true;
        }
        if (sm.state() != AssociationState.CLOSED) {
            flush(now);
        }
    }

    /** T1-init / T1-cookie expiry (RFC 9260 5.1.6? 6.3.3 for backoff; 5.1 Max.Init.Retransmits). */
    private void onT1(long now) {
        t1 = OFF;
        if (++initRetransmits > cfg.maxInitRetransmits()) {
            terminate(Reason.SETUP_FAILED, "no answer after " + cfg.maxInitRetransmits() + " retransmissions", now,
                    false, null);
            return;
        }
        rto.backOff();
        if (sm.state() == AssociationState.COOKIE_WAIT) {
            sendInit(now);
        } else if (sm.state() == AssociationState.COOKIE_ECHOED) {
            sendCookieEcho(now);
        }
    }

    /** RFC 9260 6.3.3: T3-rtx expiry. */
    private void onT3(long now) {
        t3 = OFF;
        if (outstanding.isEmpty()) {
            return;
        }
        if (countError(now, "T3-rtx")) {
            return;
        }
        int mtu = mtu();
        ssthresh = Math.max(cwnd / 2, 4L * mtu); // E1
        cwnd = mtu;
        partialBytesAcked = 0;
        rto.backOff(); // E2
        inFastRecovery = false;
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

    /** T2-shutdown expiry (RFC 9260 9.2). */
    private void onT2(long now) {
        t2 = OFF;
        if (countError(now, "T2-shutdown")) {
            return;
        }
        rto.backOff();
        if (sm.state() == AssociationState.SHUTDOWN_SENT) {
            control.add(new Chunk.Shutdown(rx.cumulativeTsn()));
        } else if (sm.state() == AssociationState.SHUTDOWN_ACK_SENT) {
            control.add(new Chunk.ShutdownAck());
        }
        t2 = now + rto.rto();
    }

    /** RFC 9260 8.1, 8.2: returns true if the association was lost. */
    private boolean countError(long now, String what) {
        errorCount++;
        pathErrors++;
        if (errorCount > cfg.associationMaxRetrans()) {
            terminate(Reason.PEER_UNREACHABLE, what + ": Association.Max.Retrans exceeded", now, true, null);
            return true;
        }
        if (pathActive && pathErrors > cfg.pathMaxRetrans()) {
            pathActive = false;
            ctx.event(this, new AssociationEvent.PeerAddressChanged(remote, PeerAddressState.UNREACHABLE));
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------
    // Heartbeat (RFC 9260 8.3)

    private void restartHeartbeat(long now) {
        long iv = cfg.heartbeatInterval().toNanos();
        if (iv == 0) {
            hbTimer = OFF;
            return;
        }
        long r = rto.rto();
        // RTO + HB.interval with a jitter of +/- 50 % of the RTO
        long jitter = r > 1 ? ctx.random().nextLong(r) - r / 2 : 0;
        hbTimer = now + iv + r + jitter;
    }

    private void onHeartbeatTimer(long now) {
        hbTimer = OFF;
        AssociationState s = sm.state();
        if (s == AssociationState.COOKIE_WAIT || s == AssociationState.COOKIE_ECHOED) {
            return;
        }
        if (hbOutstanding) {
            if (countError(now, "HEARTBEAT")) {
                return;
            }
            rto.backOff();
        }
        if (pathIdle || !pathActive || hbOutstanding) {
            byte[] info = new byte[20];
            info[1] = 1; // Heartbeat Info type 1
            info[3] = 20;
            putLong(info, 4, hbNonce);
            putLong(info, 12, now);
            control.add(new Chunk.Heartbeat(info));
            hbOutstanding = true;
        }
        pathIdle = true;
        restartHeartbeat(now);
    }

    private void onHeartbeatAck(Chunk.HeartbeatAck h, long now) {
        byte[] info = h.info();
        if (info.length != 20 || getLong(info, 4) != hbNonce) {
            return;
        }
        long sent = getLong(info, 12);
        hbOutstanding = false;
        errorCount = 0;
        pathErrors = 0;
        if (!pathActive) {
            pathActive = true;
            ctx.event(this, new AssociationEvent.PeerAddressChanged(remote, PeerAddressState.AVAILABLE));
        }
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

    // ------------------------------------------------------------------------------------------------
    // ERROR chunks (RFC 9260 3.3.10)

    private void onError(Chunk.Error e, long now) {
        for (ErrorCause c : e.causes()) {
            if (c.knownCode() == ErrorCause.Code.STALE_COOKIE && sm.state() == AssociationState.COOKIE_ECHOED
                    && c.info().length == 4) {
                // RFC 9260 5.2.6: start again with a Cookie Preservative
                long micros = ((c.info()[0] & 0xFFL) << 24) | ((c.info()[1] & 0xFF) << 16) | ((c.info()[2] & 0xFF) << 8)
                        | (c.info()[3] & 0xFF);
                if (++initRetransmits > cfg.maxInitRetransmits()) {
                    terminate(Reason.SETUP_FAILED, "stale cookies", now, false, null);
                    return;
                }
                setState(Trigger.RCV_STALE_COOKIE);
                peerTag = 0;
                initChunk = Handshake.init(cfg, localTag, localInitialTsn, Math.max(1, 2 * micros / 1000));
                sendInit(now);
                return;
            }
        }
        ctx.event(this, new AssociationEvent.RemoteError(e.causes().toString()));
    }

    // ------------------------------------------------------------------------------------------------
    // Shutdown and abort (RFC 9260 9)

    void userShutdown(long now) {
        AssociationState s = sm.state();
        if (s == AssociationState.COOKIE_WAIT || s == AssociationState.COOKIE_ECHOED) {
            terminate(Reason.LOCAL_ABORT, "shutdown before the association was up", now, peerTag != 0, null);
            return;
        }
        if (s == AssociationState.ESTABLISHED) {
            setState(Trigger.SHUTDOWN);
            checkShutdownProgress(now);
            flush(now);
        }
    }

    private void onShutdown(Chunk.Shutdown s, long now) {
        AssociationState st = sm.state();
        if (st == AssociationState.ESTABLISHED || st == AssociationState.SHUTDOWN_PENDING) {
            // the SHUTDOWN's cumulative TSN ack acknowledges like a SACK (RFC 9260 9.2)
            onSack(new Chunk.Sack(s.cumulativeTsnAck(), peerRwnd + unackedBytes, new int[0], new int[0]), now);
            if (sm.state() == AssociationState.CLOSED) {
                return;
            }
            setState(Trigger.RCV_SHUTDOWN);
            handle.peerShutdown();
            ctx.event(this, new AssociationEvent.PeerShutdown());
            checkShutdownProgress(now);
        } else if (st == AssociationState.SHUTDOWN_SENT) {
            setState(Trigger.RCV_SHUTDOWN);
            control.add(new Chunk.ShutdownAck());
            t2 = now + rto.rto();
        }
    }

    /** Moves SHUTDOWN-PENDING / SHUTDOWN-RECEIVED on once nothing is left to send (RFC 9260 9.2). */
    private void checkShutdownProgress(long now) {
        AssociationState s = sm.state();
        if ((s != AssociationState.SHUTDOWN_PENDING && s != AssociationState.SHUTDOWN_RECEIVED)
                || !outstanding.isEmpty() || !pending.isEmpty() || handle.hasInbox()) {
            return;
        }
        setState(Trigger.NO_MORE_OUTSTANDING);
        t3 = OFF;
        if (s == AssociationState.SHUTDOWN_PENDING) {
            control.add(new Chunk.Shutdown(rx.cumulativeTsn()));
        } else {
            control.add(new Chunk.ShutdownAck());
        }
        t2 = now + rto.rto();
        flush(now);
    }

    private void onShutdownAck(long now) {
        AssociationState s = sm.state();
        if (s == AssociationState.SHUTDOWN_SENT || s == AssociationState.SHUTDOWN_ACK_SENT) {
            PacketWriter w = ctx.writer().begin(localPort, peerPort, peerTag, mtu());
            w.add(new Chunk.ShutdownComplete(false));
            w.finish();
            ctx.transmit(this);
            closeGracefully();
        }
    }

    private void onShutdownComplete(long now) {
        if (sm.state() == AssociationState.SHUTDOWN_ACK_SENT) {
            closeGracefully();
        }
    }

    private void closeGracefully() {
        setState(Trigger.RCV_SHUTDOWN_COMPLETE);
        if (sm.state() != AssociationState.CLOSED) {
            setState(Trigger.RCV_SHUTDOWN_ACK);
        }
        stopTimers();
        dropQueues();
        ctx.closed(this);
        ctx.event(this, new AssociationEvent.ShutdownComplete());
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

    private void stopTimers() {
        t1 = OFF;
        t2 = OFF;
        t3 = OFF;
        hbTimer = OFF;
        sackTimer = OFF;
    }

    private void dropQueues() {
        long bytes = 0;
        for (OutChunk c : pending) {
            bytes += c.length;
        }
        for (int i = 0; i < outstanding.size(); i++) {
            bytes += outstanding.get(i).length;
        }
        pending.clear();
        outstanding.clear();
        control.clear();
        flightSize = 0;
        unackedBytes = 0;
        retransmitMarked = 0;
        gapAckedCount = 0;
        fastRtxPending = false;
        rttActive = false;
        bytes += handle.drainInbox();
        if (bytes > 0) {
            handle.release(bytes);
        }
    }
}
