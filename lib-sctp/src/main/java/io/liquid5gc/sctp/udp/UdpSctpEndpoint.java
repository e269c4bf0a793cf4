package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpEndpoint;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.udp.AssociationIndex.PeerKey;
import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.Decoded;
import io.liquid5gc.sctp.wire.ErrorCause;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.PacketCodec;
import io.liquid5gc.sctp.wire.PacketWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * SCTP over UDP (RFC 9260 carried per RFC 6951) in pure Java. One UDP socket (by default port 9899)
 * and one SCTP port per endpoint; any number of associations, told apart by verification tag and SCTP
 * ports, never by UDP source port. Replies go to the source address and port of the datagram that
 * caused them.
 *
 * <p>Threading: a single I/O thread owns all protocol state; it receives datagrams, runs timers,
 * carries out commands queued by other threads (sends, connects, shutdowns) and invokes the
 * {@link AssociationHandler}. No lock is held while a handler runs; a blocking handler stalls every
 * association of the endpoint, so handlers must hand work off.
 */
public final class UdpSctpEndpoint implements SctpEndpoint {
    private static final System.Logger LOG = System.getLogger(UdpSctpEndpoint.class.getName());
    private static final AtomicLong IDS = new AtomicLong();
    private static final int MAX_DATAGRAM = 65536;
    private static final int RECEIVE_BATCH = 64;

    private final SctpConfig config;
    private final DatagramIo io;
    private final int localSctpPort;
    private final boolean listening;
    private final AssociationHandler handler;
    private final NanoClock clock;
    private final RandomGenerator random;
    private final Thread thread;
    private final Context ctx = new Context();
    private final CookieCodec cookies;
    private final PacketCodec codec = new PacketCodec();
    private final InitAdmission admission;
    private final PacketWriter writer = new PacketWriter(MAX_DATAGRAM);
    private final ByteBuffer sendView = ByteBuffer.wrap(writer.buffer());
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_DATAGRAM);

    private final ConcurrentLinkedQueue<Object> commands = new ConcurrentLinkedQueue<>();
    private volatile boolean sleeping;
    private volatile boolean running = true;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    // I/O thread state
    private final AssociationIndex index = new AssociationIndex();
    private final TimerQueue timers = new TimerQueue();
    private final List<AssociationCore> toFlush = new ArrayList<>();
    private final Map<Long, UdpAssociation> associations = new ConcurrentHashMap<>();
    /** Runtime exceptions caught while processing (bugs); read by tests. */
    int internalErrors;
    RuntimeException lastInternalError;

    UdpSctpEndpoint(UdpSctpEndpointBuilder b, DatagramIo io) {
        this.config = b.config;
        this.io = io;
        this.localSctpPort = b.sctpPort;
        this.listening = b.listen;
        this.handler = b.handler;
        this.clock = b.clock;
        this.random = b.random;
        this.cookies = b.cookieSecret != null ? new CookieCodec(b.cookieSecret) : CookieCodec.withRandomSecret();
        String name = "sctp-udp-" + localSctpPort + "-" + Integer.toHexString(System.identityHashCode(this));
        this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
        this.manual = b.manual;
        this.admission = new InitAdmission(b.initRateLimit, b.acceptFrom, clock.nanoTime());
    }

    private final boolean manual;

    public static UdpSctpEndpointBuilder builder() {
        return new UdpSctpEndpointBuilder();
    }

    /** Starts the I/O thread (not in manual mode). */
    void startThread() {
        thread.start();
    }

    public SctpConfig config() {
        return config;
    }

    /** INITs dropped by the {@link InitRateLimit} since the start (read from any thread). */
    public long initsRateLimited() {
        return admission.rateLimited();
    }

    /** INIT and COOKIE ECHO packets dropped because {@link Builder#acceptFrom} refused their source. */
    public long packetsFromRefusedSources() {
        return admission.refusedSources();
    }

    /** The SCTP port of this endpoint. */
    public int sctpPort() {
        return localSctpPort;
    }

    @Override
    public InetSocketAddress localAddress() {
        try {
            return io.localAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Collection<Association> associations() {
        return List.copyOf(associations.values());
    }

    @Override
    public CompletableFuture<Association> connect(InetSocketAddress remote, int remoteSctpPort) {
        return connect(remote, remoteSctpPort, 0);
    }

    @Override
    public CompletableFuture<Association> connect(InetSocketAddress remote, int remoteSctpPort, int localPort) {
        if (remoteSctpPort <= 0 || remoteSctpPort > 65535 || localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("ports " + remoteSctpPort + ", " + localPort);
        }
        int local = localPort == 0 ? localSctpPort : localPort;
        UdpAssociation a = new UdpAssociation(IDS.incrementAndGet(), this, remote, true);
        command(() -> {
            PeerKey key = new PeerKey(remote, remoteSctpPort, local);
            if (index.hasPeer(key)) {
                a.connectFuture.completeExceptionally(new IOException("already associated with " + remote + " port "
                        + remoteSctpPort));
                return;
            }
            AssociationCore core = new AssociationCore(ctx, a, local, remoteSctpPort, remote);
            a.core = core;
            associations.put(a.id(), a);
            index.putPeer(key, core);
            core.connect(now());
            index.putTag(core.localTag, core);
            rearm(core);
        });
        return a.connectFuture;
    }

    @Override
    public void close() {
        if (manual) {
            if (running) {
                closeNow();
                shutdownIo();
            }
            return;
        }
        if (!running) {
            terminated.join();
            return;
        }
        command(this::closeNow);
        if (Thread.currentThread() != thread) {
            terminated.join();
        }
    }

    /**
     * Manual mode: one round of work at the clock's current time (receive, commands, due timers).
     * Returns the earliest timer deadline on the clock, or {@link Long#MAX_VALUE}.
     */
    long poll() throws IOException {
        long now = clock.nanoTime();
        receiveBatch(now);
        drainCommands(now);
        timers.runDue(now, this::failed);
        return timers.next();
    }

    // ------------------------------------------------------------------------------------------------
    // Cross-thread entry points

    long now() {
        return clock.nanoTime();
    }

    void command(Runnable r) {
        if (!running) {
            return;
        }
        commands.add(r);
        wake();
    }

    void schedule(UdpAssociation a) {
        if (a.scheduled.compareAndSet(false, true)) {
            commands.add(a);
            wake();
        }
    }

    private void wake() {
        if (sleeping && Thread.currentThread() != thread) {
            io.wakeup();
        }
    }

    void emit(UdpAssociation a, AssociationEvent e) {
        try {
            handler.onEvent(a, e);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "handler failed on " + e, ex);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // I/O thread

    private void run() {
        try {
            while (running) {
                long now = clock.nanoTime();
                receiveBatch(now);
                now = clock.nanoTime();
                drainCommands(now);
                timers.runDue(now, this::failed);
                if (!running || !commands.isEmpty()) {
                    continue;
                }
                long next = timers.next();
                long wait = next == Long.MAX_VALUE ? 1_000_000_000L : Math.min(1_000_000_000L, next - clock.nanoTime());
                if (wait <= 0) {
                    continue;
                }
                sleeping = true;
                try {
                    if (commands.isEmpty()) {
                        io.await(wait);
                    }
                } finally {
                    sleeping = false;
                }
            }
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "SCTP I/O thread failed", t);
            for (UdpAssociation a : List.copyOf(associations.values())) {
                if (a.core != null) {
                    a.core.terminate(Reason.ENDPOINT_CLOSED, "I/O thread failed: " + t, clock.nanoTime(), false, null);
                }
            }
        } finally {
            shutdownIo();
        }
    }

    private void shutdownIo() {
        running = false;
        try {
            io.close();
        } catch (IOException ignored) {
            // closing
        }
        terminated.complete(null);
    }

    private void closeNow() {
        long now = clock.nanoTime();
        for (UdpAssociation a : List.copyOf(associations.values())) {
            if (a.core != null) {
                a.core.terminate(Reason.ENDPOINT_CLOSED, "endpoint closed", now, true, null);
            }
        }
        running = false;
    }

    private void receiveBatch(long now) throws IOException {
        for (int i = 0; i < RECEIVE_BATCH; i++) {
            receiveBuffer.clear();
            InetSocketAddress from = io.receive(receiveBuffer);
            if (from == null) {
                return;
            }
            Decoded<Packet> d = codec.decode(receiveBuffer.array(), 0, receiveBuffer.position());
            if (d instanceof Decoded.Ok<Packet>(Packet p)) {
                try {
                    dispatch(p, from, now);
                } catch (RuntimeException e) {
                    failed("packet from " + from, e, now);
                }
            } else if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "dropped datagram from " + from + ": " + d);
            }
        }
    }

    private void drainCommands(long now) {
        Object o;
        while ((o = commands.poll()) != null) {
            try {
                if (o instanceof UdpAssociation a) {
                    a.scheduled.set(false);
                    AssociationCore core = a.core;
                    if (core != null && core.state() != AssociationState.CLOSED && a.drainInboxInto(core)) {
                        toFlush.add(core);
                    }
                } else {
                    ((Runnable) o).run();
                }
            } catch (RuntimeException e) {
                failed("command", e, now);
            }
        }
        for (int i = 0; i < toFlush.size(); i++) {
            AssociationCore c = toFlush.get(i);
            try {
                c.flush(now);
            } catch (RuntimeException e) {
                failed("flush", e, now);
            }
            rearm(c);
        }
        toFlush.clear();
    }

    /**
     * A bug surfaced while processing: abort the association it concerned (if the engine says which),
     * keep the endpoint and every other association running.
     */
    private void failed(String what, RuntimeException e, long now) {
        internalErrors++;
        lastInternalError = e;
        LOG.log(System.Logger.Level.ERROR, "SCTP " + what + " failed", e);
        for (UdpAssociation a : List.copyOf(associations.values())) {
            AssociationCore c = a.core;
            if (c != null && c.inProgress) {
                c.inProgress = false;
                c.terminate(Reason.PROTOCOL_ERROR, "internal error: " + e, now, true, null);
            }
        }
    }

    private void rearm(AssociationCore c) {
        timers.rearm(c);
    }

    /** Finds the association a packet belongs to (RFC 9260 8.5) or handles it as out of the blue (8.4). */
    private void dispatch(Packet p, InetSocketAddress from, long now) {
        if (TRACE) {
            LOG.log(System.Logger.Level.TRACE, localSctpPort + " <- " + from + " " + p);
        }
        List<Chunk> chunks = p.chunks();
        if (chunks.isEmpty()) {
            return;
        }
        int dst = p.destinationPort();
        Chunk first = chunks.getFirst();
        if (first instanceof Chunk.Init init) {
            PeerKey key = new PeerKey(from, p.sourcePort(), dst);
            // RFC 9260 8.5.1 A: vtag 0, INIT alone in its packet
            if (p.verificationTag() != 0 || chunks.size() > 1
                    || !Handshake.initAcceptable(init.initiateTag(), init.outboundStreams(), init.inboundStreams())) {
                return;
            }
            if (!admission.admitInit(from, now)) {
                return;
            }
            AssociationCore core = index.byPeer(key);
            if (core != null) {
                core.updateRemote(from);
                core.onInit(init, now);
                rearm(core);
            } else if (listening && dst == localSctpPort) {
                Chunk.InitAck ack = Handshake.initAck(ctx, init, p.sourcePort(), localSctpPort,
                        Handshake.newTag(random), random.nextInt(), 0, 0);
                PacketWriter w = writer.begin(localSctpPort, p.sourcePort(), init.initiateTag(), MAX_DATAGRAM);
                w.add(ack);
                send(w.finish(), from);
            } else {
                abortOutOfTheBlue(dst, p.sourcePort(), init.initiateTag(), from);
            }
            return;
        }
        if (first instanceof Chunk.CookieEcho echo) {
            if (!admission.admitCookieEcho(from)) {
                return;
            }
            onCookieEcho(p, echo, new PeerKey(from, p.sourcePort(), dst), from, now);
            return;
        }
        AssociationCore core = index.byTag(p.verificationTag());
        if (core != null && core.peerPort == p.sourcePort() && core.localPort == dst) {
            core.updateRemote(from);
            core.process(p, null, now);
            rearm(core);
            return;
        }
        // RFC 9260 8.5.1 B, C: ABORT and SHUTDOWN COMPLETE with the T bit carry the peer's tag
        boolean tBit = first instanceof Chunk.Abort a && a.tBit() || first instanceof Chunk.ShutdownComplete sc && sc.tBit();
        if (tBit) {
            core = index.byPeer(new PeerKey(from, p.sourcePort(), dst));
            if (core != null && core.peerTag == p.verificationTag()) {
                core.process(p, null, now);
                rearm(core);
            }
            return;
        }
        outOfTheBlue(p, from);
    }

    /** RFC 9260 5.1.5 and 5.2.4: validate the cookie, then create or update the association. */
    private void onCookieEcho(Packet p, Chunk.CookieEcho echo, PeerKey key, InetSocketAddress from, long now) {
        CookieCodec.Verified v = cookies.verify(echo.cookie(), ctx.nowMillis());
        StateCookie c;
        switch (v) {
            case CookieCodec.Invalid inv -> {
                return; // RFC 9260 5.1.5 step 3: silently discard
            }
            case CookieCodec.Stale st -> {
                StateCookie sc = st.cookie();
                if (p.verificationTag() != sc.localTag()) {
                    return;
                }
                // RFC 9260 5.2.6 / 3.3.10.3: Stale Cookie Error
                PacketWriter w = writer.begin(p.destinationPort(), p.sourcePort(), sc.peerTag(), MAX_DATAGRAM);
                w.add(new Chunk.Error(List.of(ErrorCause.staleCookie(st.stalenessMicros()))));
                send(w.finish(), from);
                return;
            }
            case CookieCodec.Valid ok -> c = ok.cookie();
        }
        if (p.verificationTag() != c.localTag() || c.localPort() != p.destinationPort()
                || c.peerPort() != p.sourcePort()) {
            return;
        }
        AssociationCore core = index.byTag(c.localTag());
        if (core == null || core.peerPort != p.sourcePort() || core.localPort != c.localPort()) {
            core = index.byPeer(key);
        }
        if (core == null) {
            if (!listening || c.localPort() != localSctpPort) {
                return;
            }
            UdpAssociation a = new UdpAssociation(IDS.incrementAndGet(), this, from, false);
            core = new AssociationCore(ctx, a, localSctpPort, p.sourcePort(), from);
            a.core = core;
            associations.put(a.id(), a);
            index.putPeer(key, core);
            index.putTag(c.localTag(), core);
        } else {
            core.updateRemote(from);
        }
        core.process(p, c, now);
        rearm(core);
    }

    /** RFC 9260 8.4: out-of-the-blue packets. */
    private void outOfTheBlue(Packet p, InetSocketAddress from) {
        int len = OutOfTheBlue.answer(p, writer);
        if (len > 0) {
            send(len, from);
        }
    }

    private void abortOutOfTheBlue(int ourPort, int peerPort, int reflectedTag, InetSocketAddress from) {
        send(OutOfTheBlue.abort(writer, ourPort, peerPort, reflectedTag), from);
    }

    private static final boolean TRACE = LOG.isLoggable(System.Logger.Level.TRACE);

    private void send(int len, InetSocketAddress to) {
        if (TRACE) {
            LOG.log(System.Logger.Level.TRACE, localSctpPort + " -> " + to + " " + codec.decode(writer.buffer(), 0, len));
        }
        sendView.limit(len).position(0);
        try {
            io.send(sendView, to);
        } catch (IOException e) {
            // like a lost packet: retransmission timers recover
            LOG.log(System.Logger.Level.DEBUG, "send to " + to + " failed: " + e);
        }
    }

    /** The {@link CoreContext} implementation handed to the association engines. */
    private final class Context implements CoreContext {
        @Override
        public SctpConfig config() {
            return config;
        }

        @Override
        public CookieCodec cookies() {
            return cookies;
        }

        @Override
        public RandomGenerator random() {
            return random;
        }

        @Override
        public long nowMillis() {
            return clock.nanoTime() / 1_000_000;
        }

        @Override
        public PacketWriter writer() {
            return writer;
        }

        @Override
        public void transmit(AssociationCore core) {
            // the writer holds a finished packet: its length is where finish() left it
            send(lastLength(), core.remote);
        }

        @Override
        public void deliver(AssociationCore core, SctpMessage message) {
            try {
                handler.onMessage(core.handle, message);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "handler failed on a message", ex);
            }
        }

        @Override
        public void event(AssociationCore core, AssociationEvent event) {
            emit(core.handle, event);
        }

        @Override
        public void closed(AssociationCore core) {
            index.remove(core);
            associations.remove(core.handle.id());
        }

        @Override
        public void remoteChanged(AssociationCore core, InetSocketAddress old) {
            index.remoteChanged(core, old);
        }

        @Override
        public void localTagChanged(AssociationCore core, int oldTag) {
            index.localTagChanged(core, oldTag);
        }
    }

    private int lastLength() {
        return writer.length();
    }
}
