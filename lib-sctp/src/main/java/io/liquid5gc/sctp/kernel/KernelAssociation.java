package io.liquid5gc.sctp.kernel;

import com.sun.nio.sctp.MessageInfo;
import com.sun.nio.sctp.SctpChannel;
import com.sun.nio.sctp.SctpStandardSocketOptions;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationEvent.Reason;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.SendBufferFullException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** One kernel SCTP association (an {@link SctpChannel}); sends are bounded like the UDP implementation's. */
final class KernelAssociation implements Association {
    private static final CompletionStage<Void> ACCEPTED = CompletableFuture.completedStage(null);

    private final long id;
    private final KernelSctpEndpoint endpoint;
    final SctpChannel channel;
    private final InetSocketAddress remote;
    final CompletableFuture<Association> connectFuture;
    final AtomicBoolean scheduled = new AtomicBoolean();
    private final ConcurrentLinkedQueue<SctpMessage> inbox = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<SctpMessage> blocked = new ArrayDeque<>();
    private final AtomicLong buffered = new AtomicLong();
    private final AtomicBoolean wantWritable = new AtomicBoolean();
    private final long sendBufferBytes;
    private final int maxMessageBytes;
    private volatile AssociationState state;
    private volatile boolean shutdownRequested;
    private volatile int inboundStreams;
    private volatile int outboundStreams;
    private ByteBuffer partial;

    KernelAssociation(long id, KernelSctpEndpoint endpoint, SctpChannel channel, InetSocketAddress remote,
            CompletableFuture<Association> connectFuture) {
        this.id = id;
        this.endpoint = endpoint;
        this.channel = channel;
        this.remote = remote;
        this.connectFuture = connectFuture;
        this.sendBufferBytes = endpoint.config().sendBufferBytes();
        this.maxMessageBytes = endpoint.config().maxMessageBytes();
        this.state = AssociationState.COOKIE_WAIT;
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
        if (state != AssociationState.ESTABLISHED || shutdownRequested) {
            throw new IllegalStateException("association " + id + " does not accept data in state " + state);
        }
        int len = m.payload().length;
        if (len == 0 || len > maxMessageBytes) {
            throw new IllegalArgumentException("message size " + len + " not in 1.." + maxMessageBytes);
        }
        if (m.streamId() >= outboundStreams) {
            throw new IllegalArgumentException("stream " + m.streamId() + " >= outbound streams " + outboundStreams);
        }
        long cur;
        do {
            cur = buffered.get();
            if (cur + len > sendBufferBytes) {
                wantWritable.set(true);
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
            return trySend(m) ? ACCEPTED
                    : CompletableFuture.failedStage(new SendBufferFullException("send buffer full on association " + id));
        } catch (RuntimeException e) {
            return CompletableFuture.failedStage(e);
        }
    }

    @Override
    public void shutdown() {
        shutdownRequested = true;
        endpoint.command(() -> {
            flush();
            if (blocked.isEmpty()) {
                shutdownNow();
            }
        });
    }

    @Override
    public void abort(String reason) {
        shutdownRequested = true;
        endpoint.command(() -> {
            closeChannel(true);
            endpoint.lost(this, Reason.LOCAL_ABORT, reason);
        });
    }

    // --- I/O thread ---

    void flush() {
        SctpMessage m;
        while ((m = inbox.poll()) != null) {
            blocked.add(m);
        }
        try {
            while ((m = blocked.peek()) != null) {
                MessageInfo info = MessageInfo.createOutgoing(null, m.streamId()).payloadProtocolID(m.ppid())
                        .unordered(m.unordered());
                if (channel.send(ByteBuffer.wrap(m.payload()), info) == 0) {
                    break;
                }
                blocked.poll();
                release(m.payload().length);
            }
            SelectionKey k = channel.keyFor(endpoint.selector());
            if (k != null && k.isValid()) {
                k.interestOps(blocked.isEmpty() ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
            if (blocked.isEmpty() && shutdownRequested && state == AssociationState.ESTABLISHED) {
                shutdownNow();
            }
        } catch (IOException e) {
            closeChannel(false);
            endpoint.lost(this, Reason.PEER_UNREACHABLE, e.toString());
        }
    }

    private void shutdownNow() {
        try {
            state = AssociationState.SHUTDOWN_SENT;
            channel.shutdown();
        } catch (IOException e) {
            closeChannel(false);
            endpoint.lost(this, Reason.PEER_UNREACHABLE, e.toString());
        }
    }

    private void release(long bytes) {
        long now = buffered.addAndGet(-bytes);
        if (wantWritable.get() && now <= sendBufferBytes / 2 && wantWritable.compareAndSet(true, false)) {
            endpoint.emit(this, new AssociationEvent.SendBufferAvailable(sendBufferBytes - now));
        }
    }

    boolean appendFragment(ByteBuffer data, int max) {
        if (partial == null) {
            partial = ByteBuffer.allocate(Math.min(max, Math.max(256, data.remaining())));
        }
        if (partial.position() + data.remaining() > max) {
            return false;
        }
        if (partial.remaining() < data.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.min(max, Math.max(partial.capacity() * 2,
                    partial.position() + data.remaining())));
            partial.flip();
            bigger.put(partial);
            partial = bigger;
        }
        partial.put(data);
        return true;
    }

    byte[] takeMessage() {
        byte[] b = new byte[partial.position()];
        partial.flip();
        partial.get(b);
        partial.clear();
        return b;
    }

    void streams(int in, int out) {
        inboundStreams = in;
        outboundStreams = out;
    }

    void publishUp() {
        state = AssociationState.ESTABLISHED;
    }

    void publishClosed() {
        state = AssociationState.CLOSED;
    }

    void peerShutdown() {
        state = AssociationState.SHUTDOWN_RECEIVED;
    }

    void closeChannel(boolean abort) {
        try {
            if (abort && channel.isOpen()) {
                channel.setOption(SctpStandardSocketOptions.SO_LINGER, 0); // close sends ABORT
            }
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public String toString() {
        return "KernelAssociation[" + id + " " + state + " " + remote + "]";
    }
}
