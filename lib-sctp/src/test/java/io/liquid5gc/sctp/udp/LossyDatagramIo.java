package io.liquid5gc.sctp.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps a {@link DatagramIo} and, on the send side, drops, duplicates and reorders datagrams with
 * given probabilities (seeded, so a failure can be replayed). A reordered datagram is held back and
 * sent after the next one (or when the I/O thread next waits).
 */
final class LossyDatagramIo implements DatagramIo {
    private final DatagramIo inner;
    private final Random random;
    private final double loss;
    private final double duplicate;
    private final double reorder;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();
    volatile boolean blackhole;

    private record Held(byte[] data, InetSocketAddress to) {
    }

    LossyDatagramIo(DatagramIo inner, long seed, double loss, double duplicate, double reorder) {
        this.inner = inner;
        this.random = new Random(seed);
        this.loss = loss;
        this.duplicate = duplicate;
        this.reorder = reorder;
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress target) throws IOException {
        byte[] copy = new byte[datagram.remaining()];
        datagram.get(copy);
        sent.incrementAndGet();
        if (blackhole || random.nextDouble() < loss) {
            dropped.incrementAndGet();
            return;
        }
        if (random.nextDouble() < reorder && held.size() < 4) {
            reordered.incrementAndGet();
            held.add(new Held(copy, target));
            return;
        }
        inner.send(ByteBuffer.wrap(copy), target);
        if (random.nextDouble() < duplicate) {
            duplicated.incrementAndGet();
            inner.send(ByteBuffer.wrap(copy), target);
        }
        flushHeld();
    }

    private void flushHeld() throws IOException {
        Held h;
        while ((h = held.poll()) != null) {
            inner.send(ByteBuffer.wrap(h.data()), h.to());
        }
    }

    @Override
    public InetSocketAddress receive(ByteBuffer dst) throws IOException {
        return inner.receive(dst);
    }

    @Override
    public void await(long timeoutNanos) throws IOException {
        flushHeld();
        inner.await(timeoutNanos);
    }

    @Override
    public void wakeup() {
        inner.wakeup();
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return inner.localAddress();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
