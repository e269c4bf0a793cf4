package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.SendBufferFullException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The thread-safe face of an SCTP-over-UDP association. Sends are admitted against the bounded send
 * buffer here (an atomic byte count), queued in a lock-free inbox and picked up by the I/O thread.
 */
final class UdpAssociation implements Association {
    private static final CompletionStage<Void> ACCEPTED = CompletableFuture.completedStage(null);

    private final long id;
    private final UdpSctpEndpoint endpoint;
    private final long sendBufferBytes;
    private final int maxMessageBytes;
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicBoolean wantWritable = new AtomicBoolean();
    private final ConcurrentLinkedQueue<SctpMessage> inbox = new ConcurrentLinkedQueue<>();
    /** Set while the association is in the endpoint's work queue. */
    final AtomicBoolean scheduled = new AtomicBoolean();
    final CompletableFuture<Association> connectFuture;
    AssociationCore core;

    private volatile AssociationState state = AssociationState.CLOSED;
    private volatile boolean peerShutdown;
    private volatile boolean localShutdown;
    private volatile InetSocketAddress remote;
    private volatile int inboundStreams;
    private volatile int outboundStreams;

    UdpAssociation(long id, UdpSctpEndpoint endpoint, InetSocketAddress remote, boolean initiator) {
        this.id = id;
        this.endpoint = endpoint;
        this.remote = remote;
        this.sendBufferBytes = endpoint.config().sendBufferBytes();
        this.maxMessageBytes = endpoint.config().maxMessageBytes();
        this.connectFuture = initiator ? new CompletableFuture<>() : null;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public int inboundStreams() {
        return inboundStreams;
    }

    @Override
    public int outboundStreams() {
        return outboundStreams;
    }

    @Override
    public AssociationState state() {
        return state;
    }

    @Override
    public long bufferedBytes() {
        return buffered.get();
    }

    @Override
    public boolean trySend(SctpMessage m) {
        AssociationState s = state;
        if (!s.acceptsSends() || peerShutdown || localShutdown) {
            throw new IllegalStateException("association " + id + " does not accept data in state " + s
                    + (peerShutdown ? " (peer shut down)" : ""));
        }
        int len = m.payload().length;
        if (len == 0 || len > maxMessageBytes) {
            throw new IllegalArgumentException("message size " + len + " not in 1.." + maxMessageBytes);
        }
        int os = outboundStreams;
        if (s == AssociationState.ESTABLISHED && m.streamId() >= os) {
            throw new IllegalArgumentException("stream " + m.streamId() + " >= outbound streams " + os);
        }
        long cur;
        do {
            cur = buffered.get();
            if (cur + len > sendBufferBytes) {
                wantWritable.set(true);
                // re-check: the I/O thread may have released in between
                if (buffered.get() + len > sendBufferBytes) {
                    return false;
                }
            }
        } while (!buffered.compareAndSet(cur, cur + len));
        inbox.add(m);
        endpoint.schedule(this);
        return true;
    }

    @Override
    public CompletionStage<Void> send(SctpMessage m) {
        try {
            if (trySend(m)) {
                return ACCEPTED;
            }
            return CompletableFuture.failedStage(new SendBufferFullException(
                    "send buffer full (" + sendBufferBytes + " bytes) on association " + id));
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    @Override
    public void shutdown() {
        localShutdown = true;
        endpoint.command(() -> {
            if (core != null) {
                core.userShutdown(endpoint.now());
            }
        });
    }

    @Override
    public void abort(String reason) {
        localShutdown = true;
        endpoint.command(() -> {
            if (core != null) {
                core.userAbort(reason, endpoint.now());
            }
        });
    }

    // --- I/O thread side ---

    /** Moves queued messages into the core; returns whether any were moved. */
    boolean drainInboxInto(AssociationCore c) {
        if (c.outboundStreams() == 0) {
            return false; // not up yet: stream counts unknown; drained when the association comes up
        }
        boolean any = false;
        SctpMessage m;
        while ((m = inbox.poll()) != null) {
            if (m.streamId() >= c.outboundStreams()) {
                // queued before the streams were negotiated (or before a restart with fewer streams)
                release(m.payload().length);
                endpoint.emit(this, new AssociationEvent.SendFailed(m.streamId(), m.payload().length,
                        "stream " + m.streamId() + " >= negotiated outbound streams " + c.outboundStreams()));
                continue;
            }
            c.enqueue(m);
            any = true;
        }
        return any;
    }

    boolean hasInbox() {
        return !inbox.isEmpty();
    }

    /** Drops queued messages (association closing); returns their bytes. */
    long drainInbox() {
        long n = 0;
        SctpMessage m;
        while ((m = inbox.poll()) != null) {
            n += m.payload().length;
        }
        return n;
    }

    void release(long bytes) {
        long now = buffered.addAndGet(-bytes);
        if (wantWritable.get() && now <= sendBufferBytes / 2 && wantWritable.compareAndSet(true, false)) {
            endpoint.emit(this, new AssociationEvent.SendBufferAvailable(sendBufferBytes - now));
        }
    }

    void publishState(AssociationState s) {
        state = s;
    }

    void publishStreams(int in, int out) {
        inboundStreams = in;
        outboundStreams = out;
    }

    void publishRemote(InetSocketAddress r) {
        remote = r;
    }

    void peerShutdown() {
        peerShutdown = true;
    }

    void up() {
        if (connectFuture != null) {
            connectFuture.complete(this);
        }
    }

    void failConnect(AssociationEvent.Reason reason, String detail) {
        if (connectFuture != null && !connectFuture.isDone()) {
            connectFuture.completeExceptionally(new java.io.IOException("association setup failed: " + reason
                    + (detail == null ? "" : ": " + detail)));
        }
    }

    @Override
    public String toString() {
        return "UdpAssociation[" + id + " " + state + " " + remote + "]";
    }
}
