package io.liquid5gc.sctp.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A simulated network with a virtual clock: endpoints in manual mode exchange datagrams through
 * queues with latency, jitter (reordering), loss and duplication; {@link #runUntil} advances the
 * clock from event to event, so minutes of protocol time take milliseconds and runs are repeatable.
 */
final class SimNet {
    final long[] now = {1_000_000_000L};
    final NanoClock clock = () -> now[0];
    final Random random;
    double loss;
    double duplicate;
    long latencyNanos = 1_000_000;
    long jitterNanos = 500_000;
    /** Drop everything to or from this address while set. */
    volatile InetSocketAddress cutOff;
    long delivered;
    long dropped;
    private long seq;
    private final Map<InetSocketAddress, Node> nodes = new HashMap<>();
    private final List<UdpSctpEndpoint> endpoints = new ArrayList<>();
    private final Map<UdpSctpEndpoint, Long> deadlines = new HashMap<>();

    record InFlight(long at, long seq, InetSocketAddress from, InetSocketAddress to, byte[] data) {
    }

    private final PriorityQueue<InFlight> wire = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));

    SimNet(long seed) {
        this.random = new Random(seed);
    }

    final class Node implements DatagramIo {
        final InetSocketAddress address;
        final ArrayList<InFlight> inbox = new ArrayList<>();

        Node(InetSocketAddress address) {
            this.address = address;
        }

        @Override
        public void send(ByteBuffer d, InetSocketAddress target) {
            byte[] b = new byte[d.remaining()];
            d.get(b);
            if (address.equals(cutOff) || target.equals(cutOff) || random.nextDouble() < loss) {
                dropped++;
                return;
            }
            int copies = random.nextDouble() < duplicate ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long at = now[0] + latencyNanos + (jitterNanos > 0 ? random.nextLong(jitterNanos) : 0);
                wire.add(new InFlight(at, seq++, address, target, b));
            }
        }

        @Override
        public InetSocketAddress receive(ByteBuffer dst) {
            if (inbox.isEmpty()) {
                return null;
            }
            InFlight f = inbox.removeFirst();
            dst.put(f.data());
            return f.from();
        }

        @Override
        public void await(long timeoutNanos) {
        }

        @Override
        public void wakeup() {
        }

        @Override
        public InetSocketAddress localAddress() {
            return address;
        }

        @Override
        public void close() {
        }
    }

    /** Puts a datagram on the wire as if {@code from} had sent it now (bypassing loss). */
    void inject(InetSocketAddress from, InetSocketAddress to, byte[] data) {
        wire.add(new InFlight(now[0], seq++, from, to, data));
    }

    Node node(int port) {
        InetSocketAddress a = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        Node n = new Node(a);
        nodes.put(a, n);
        return n;
    }

    UdpSctpEndpoint endpoint(UdpSctpEndpointBuilder b, int udpPort) throws IOException {
        UdpSctpEndpoint e = b.datagramIo(node(udpPort)).clock(clock).random(new Random(random.nextLong())).manual(true)
                .start();
        endpoints.add(e);
        return e;
    }

    /** Runs the simulation until {@code done} holds or {@code maxNanos} of virtual time pass; returns done. */
    boolean runUntil(java.util.function.BooleanSupplier done, long maxNanos) throws IOException {
        long end = now[0] + maxNanos;
        while (true) {
            long next = Long.MAX_VALUE;
            for (UdpSctpEndpoint e : endpoints) {
                long d = e.poll();
                deadlines.put(e, d);
                next = Math.min(next, d);
            }
            if (done.getAsBoolean()) {
                return true;
            }
            InFlight f = wire.peek();
            if (f != null) {
                next = Math.min(next, f.at());
            }
            if (next == Long.MAX_VALUE || next > end) {
                now[0] = Math.max(now[0], Math.min(end, next));
                return done.getAsBoolean();
            }
            now[0] = Math.max(now[0], next);
            while ((f = wire.peek()) != null && f.at() <= now[0]) {
                wire.poll();
                Node n = nodes.get(f.to());
                if (n != null) {
                    n.inbox.add(f);
                    delivered++;
                }
            }
        }
    }

    static Predicate<Object> any() {
        return o -> true;
    }
}
