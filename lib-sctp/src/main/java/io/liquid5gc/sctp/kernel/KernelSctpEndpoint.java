package io.liquid5gc.sctp.kernel;

import com.sun.nio.sctp.AbstractNotificationHandler;
import com.sun.nio.sctp.AssociationChangeNotification;
import com.sun.nio.sctp.HandlerResult;
import com.sun.nio.sctp.MessageInfo;
import com.sun.nio.sctp.PeerAddressChangeNotification;
import com.sun.nio.sctp.SctpChannel;
import com.sun.nio.sctp.SctpServerChannel;
import com.sun.nio.sctp.SctpStandardSocketOptions;
import com.sun.nio.sctp.ShutdownNotification;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationEvent.PeerAddressState;
import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.AssociationHandler;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpEndpoint;
import io.liquid5gc.sctp.SctpMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operating system's SCTP through the JDK's {@code com.sun.nio.sctp} channels (one-to-one style,
 * one {@link SctpChannel} per association). Same threading model as the UDP endpoint: one I/O thread
 * runs a selector, performs queued sends and invokes the handler. Works only where the kernel has
 * SCTP; check with {@link #isSupported()}.
 */
public final class KernelSctpEndpoint implements SctpEndpoint {
    private static final System.Logger LOG = System.getLogger(KernelSctpEndpoint.class.getName());
    private static final AtomicLong IDS = new AtomicLong(1L << 40);

    private final SctpConfig config;
    private final AssociationHandler handler;
    private final Selector selector;
    private final SctpServerChannel server;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Object> commands = new ConcurrentLinkedQueue<>();
    private final Map<Long, KernelAssociation> associations = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final ByteBuffer readBuffer;
    private volatile boolean running = true;

    private KernelSctpEndpoint(SctpConfig config, AssociationHandler handler, Selector selector, SctpServerChannel server) {
        this.config = config;
        this.handler = handler;
        this.selector = selector;
        this.server = server;
        this.readBuffer = ByteBuffer.allocateDirect(Math.max(65536, config.maxMessageBytes()));
        this.thread = Thread.ofPlatform().daemon().name("sctp-kernel-" + Integer.toHexString(System.identityHashCode(this)))
                .unstarted(this::run);
    }

    /** True if this JVM and kernel can open SCTP sockets; otherwise the reason is in {@link #unsupportedReason()}. */
    public static boolean isSupported() {
        return unsupportedReason() == null;
    }

    /** Null if SCTP works, else why not (e.g. "Protocol not supported"). */
    public static String unsupportedReason() {
        try (SctpChannel ch = SctpChannel.open()) {
            return null;
        } catch (UnsupportedOperationException | IOException | Error e) {
            return e.toString();
        }
    }

    /**
     * Starts an endpoint. With {@code listen} non-null it accepts associations on that address (for NGAP:
     * port 38412); {@link #connect} opens associations in any case.
     */
    public static KernelSctpEndpoint start(InetSocketAddress listen, SctpConfig config, AssociationHandler handler)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Selector sel = Selector.open();
        SctpServerChannel srv = null;
        try {
            if (listen != null) {
                srv = SctpServerChannel.open();
                srv.setOption(SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
                        SctpStandardSocketOptions.InitMaxStreams.create(config.maxInboundStreams(), config.outboundStreams()));
                srv.bind(listen);
                srv.configureBlocking(false);
                srv.register(sel, SelectionKey.OP_ACCEPT);
            }
        } catch (IOException | RuntimeException e) {
            sel.close();
            if (srv != null) {
                srv.close();
            }
            throw e;
        }
        KernelSctpEndpoint e = new KernelSctpEndpoint(config, handler, sel, srv);
        e.thread.start();
        return e;
    }

    @Override
    public InetSocketAddress localAddress() {
        if (server == null) {
            return null;
        }
        try {
            return (InetSocketAddress) server.getAllLocalAddresses().iterator().next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For kernel SCTP the SCTP port is the address's port; {@code remoteSctpPort} replaces it. */
    @Override
    public CompletableFuture<Association> connect(InetSocketAddress remote, int remoteSctpPort) {
        return connect(remote, remoteSctpPort, 0);
    }

    @Override
    public CompletableFuture<Association> connect(InetSocketAddress remote, int remoteSctpPort, int localPort) {
        InetSocketAddress target = new InetSocketAddress(remote.getAddress(), remoteSctpPort);
        CompletableFuture<Association> f = new CompletableFuture<>();
        command(() -> {
            try {
                SctpChannel ch = SctpChannel.open();
                ch.setOption(SctpStandardSocketOptions.SCTP_INIT_MAXSTREAMS,
                        SctpStandardSocketOptions.InitMaxStreams.create(config.maxInboundStreams(), config.outboundStreams()));
                ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
                if (localPort != 0) {
                    ch.bind(new InetSocketAddress(localPort));
                }
                ch.configureBlocking(false);
                KernelAssociation a = new KernelAssociation(IDS.incrementAndGet(), this, ch, target, f);
                associations.put(a.id(), a);
                if (ch.connect(target)) {
                    ch.register(selector, SelectionKey.OP_READ, a);
                    up(a);
                } else {
                    ch.register(selector, SelectionKey.OP_CONNECT, a);
                }
            } catch (IOException | RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    @Override
    public Collection<Association> associations() {
        return List.copyOf(associations.values());
    }

    SctpConfig config() {
        return config;
    }

    Selector selector() {
        return selector;
    }

    @Override
    public void close() {
        if (running) {
            command(() -> running = false);
        }
        if (Thread.currentThread() != thread) {
            terminated.join();
        }
    }

    void command(Runnable r) {
        commands.add(r);
        selector.wakeup();
    }

    void schedule(KernelAssociation a) {
        if (a.scheduled.compareAndSet(false, true)) {
            commands.add(a);
            if (Thread.currentThread() != thread) {
                selector.wakeup();
            }
        }
    }

    void emit(KernelAssociation a, AssociationEvent e) {
        try {
            handler.onEvent(a, e);
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "handler failed on " + e, ex);
        }
    }

    private void run() {
        try {
            while (running) {
                selector.select(1000);
                for (SelectionKey k : selector.selectedKeys()) {
                    handleKey(k);
                }
                selector.selectedKeys().clear();
                Object o;
                while ((o = commands.poll()) != null) {
                    if (o instanceof KernelAssociation a) {
                        a.scheduled.set(false);
                        a.flush();
                    } else {
                        ((Runnable) o).run();
                    }
                }
            }
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "kernel SCTP I/O thread failed", t);
        } finally {
            for (KernelAssociation a : List.copyOf(associations.values())) {
                a.closeChannel(true);
                lost(a, Reason.ENDPOINT_CLOSED, "endpoint closed");
            }
            try {
                selector.close();
                if (server != null) {
                    server.close();
                }
            } catch (IOException ignored) {
                // closing
            }
            running = false;
            terminated.complete(null);
        }
    }

    private void handleKey(SelectionKey k) {
        if (!k.isValid()) {
            return;
        }
        try {
            if (k.isAcceptable()) {
                SctpChannel ch;
                while ((ch = server.accept()) != null) {
                    ch.configureBlocking(false);
                    ch.setOption(SctpStandardSocketOptions.SCTP_NODELAY, true);
                    InetSocketAddress remote = (InetSocketAddress) ch.getRemoteAddresses().iterator().next();
                    KernelAssociation a = new KernelAssociation(IDS.incrementAndGet(), this, ch, remote, null);
                    associations.put(a.id(), a);
                    ch.register(selector, SelectionKey.OP_READ, a);
                    up(a);
                }
                return;
            }
            KernelAssociation a = (KernelAssociation) k.attachment();
            if (k.isConnectable()) {
                try {
                    if (a.channel.finishConnect()) {
                        k.interestOps(SelectionKey.OP_READ);
                        up(a);
                    }
                } catch (IOException e) {
                    a.connectFuture.completeExceptionally(e);
                    a.closeChannel(false);
                    lost(a, Reason.SETUP_FAILED, e.toString());
                }
                return;
            }
            if (k.isReadable()) {
                read(a);
            }
            if (k.isValid() && k.isWritable()) {
                a.flush();
            }
        } catch (IOException e) {
            if (k.attachment() instanceof KernelAssociation a) {
                a.closeChannel(false);
                lost(a, Reason.PEER_UNREACHABLE, e.toString());
            }
        }
    }

    private void up(KernelAssociation a) throws IOException {
        com.sun.nio.sctp.Association as = a.channel.association();
        if (as != null) {
            a.streams(as.maxInboundStreams(), as.maxOutboundStreams());
        }
        a.publishUp();
        emit(a, new AssociationEvent.Up(a.inboundStreams(), a.outboundStreams()));
        if (a.connectFuture != null) {
            a.connectFuture.complete(a);
        }
    }

    void lost(KernelAssociation a, Reason reason, String detail) {
        if (associations.remove(a.id()) != null) {
            a.publishClosed();
            if (a.connectFuture != null) {
                a.connectFuture.completeExceptionally(new IOException(reason + ": " + detail));
            }
            emit(a, new AssociationEvent.CommunicationLost(reason, detail));
        }
    }

    void shutdownComplete(KernelAssociation a) {
        if (associations.remove(a.id()) != null) {
            a.publishClosed();
            emit(a, new AssociationEvent.ShutdownComplete());
        }
    }

    private void read(KernelAssociation a) throws IOException {
        for (int i = 0; i < 64; i++) {
            readBuffer.clear();
            MessageInfo info = a.channel.receive(readBuffer, a, notifications);
            if (info == null) {
                if (!a.channel.isOpen()) {
                    return;
                }
                if (readBuffer.position() == 0) {
                    return;
                }
                continue;
            }
            if (info.bytes() == -1) {
                a.closeChannel(false);
                shutdownComplete(a);
                return;
            }
            readBuffer.flip();
            if (!a.appendFragment(readBuffer, config.maxMessageBytes())) {
                a.closeChannel(true);
                lost(a, Reason.PROTOCOL_ERROR, "message larger than " + config.maxMessageBytes());
                return;
            }
            if (info.isComplete()) {
                byte[] payload = a.takeMessage();
                try {
                    handler.onMessage(a, new SctpMessage(info.streamNumber(), info.payloadProtocolID(), info.isUnordered(),
                            payload));
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "handler failed on a message", ex);
                }
            }
        }
    }

    private final AbstractNotificationHandler<KernelAssociation> notifications = new AbstractNotificationHandler<>() {
        @Override
        public HandlerResult handleNotification(AssociationChangeNotification n, KernelAssociation a) {
            switch (n.event()) {
                case COMM_LOST, CANT_START -> {
                    a.closeChannel(false);
                    lost(a, n.event() == AssociationChangeNotification.AssocChangeEvent.CANT_START ? Reason.SETUP_FAILED
                            : Reason.PEER_UNREACHABLE, n.event().toString());
                    return HandlerResult.RETURN;
                }
                case RESTART -> emit(a, new AssociationEvent.Restart(a.inboundStreams(), a.outboundStreams()));
                case SHUTDOWN -> {
                    a.closeChannel(false);
                    shutdownComplete(a);
                    return HandlerResult.RETURN;
                }
                default -> {
                }
            }
            return HandlerResult.CONTINUE;
        }

        @Override
        public HandlerResult handleNotification(ShutdownNotification n, KernelAssociation a) {
            a.peerShutdown();
            emit(a, new AssociationEvent.PeerShutdown());
            return HandlerResult.CONTINUE;
        }

        @Override
        public HandlerResult handleNotification(PeerAddressChangeNotification n, KernelAssociation a) {
            PeerAddressState s = switch (n.event()) {
                case ADDR_UNREACHABLE, ADDR_REMOVED -> PeerAddressState.UNREACHABLE;
                case ADDR_AVAILABLE, ADDR_CONFIRMED, ADDR_MADE_PRIMARY -> PeerAddressState.AVAILABLE;
                default -> PeerAddressState.ADDRESS_CHANGED;
            };
            SocketAddress addr = n.address();
            emit(a, new AssociationEvent.PeerAddressChanged(
                    addr instanceof InetSocketAddress i ? i : a.remoteAddress(), s));
            return HandlerResult.CONTINUE;
        }
    };
}
