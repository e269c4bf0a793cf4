package io.liquid5gc.evaluation.faults;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP relay between simulated gNBs and the N2 proxy's SCTP-over-UDP port (RFC 6951): the gNB connects to
 * {@link #address()}, each gNB gets a socket of its own towards the proxy, and every datagram either way goes through
 * the current {@link N2Impairment} (lost, duplicated or held back behind the next datagram of its direction, at most
 * {@code reorderHold} when none follows). SCTP's retransmission, duplicate detection and reordering (RFC 9260) are what
 * should keep the procedures complete. Decisions come from a seeded {@link Random} per direction, so a run repeats.
 */
public final class N2Relay implements AutoCloseable {

    private static final int MAX_DATAGRAM = 65_535;

    private final DatagramSocket downstream;
    private final InetSocketAddress core;
    private final long seed;
    private final long reorderHoldMillis;
    private final Map<SocketAddress, Peer> peers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "n2-relay-flush"));
    private volatile N2Impairment impairment = N2Impairment.NONE;
    private volatile boolean closed;

    /** Datagrams relayed, dropped, duplicated and reordered since the start. */
    final AtomicLong forwarded = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();

    /** One direction's decisions and the datagram it holds back. */
    private final class Direction {
        private final Random random;
        private final DatagramSocket out;
        private final SocketAddress to;
        private byte[] held;

        Direction(long seed, DatagramSocket out, SocketAddress to) {
            this.random = new Random(seed);
            this.out = out;
            this.to = to;
        }

        synchronized void relay(byte[] data) throws IOException {
            N2Impairment i = impairment;
            double r = i.none() ? 1 : random.nextDouble();
            if (r < i.loss()) {
                dropped.incrementAndGet();
                return;
            }
            if (r < i.loss() + i.duplicate()) {
                duplicated.incrementAndGet();
                send(data);
                send(data);
            } else if (r < i.loss() + i.duplicate() + i.reorder()) {
                // held back behind the next datagram; one held before (not yet overtaken) goes first. Every decision
                // counts the same whether the timer flushed the one held before or not, so a seed repeats its counts
                // on a busy machine too (a 20 ms stall between two datagrams used to change them)
                flushHeld();
                reordered.incrementAndGet();
                held = data;
                flusher.schedule(this::flush, reorderHoldMillis, TimeUnit.MILLISECONDS);
                return;
            } else {
                send(data);
            }
            flushHeld();
        }

        synchronized void flush() {
            try {
                flushHeld();
            } catch (IOException e) {
                // the relay is closing
            }
        }

        private void flushHeld() throws IOException {
            if (held != null) {
                byte[] h = held;
                held = null;
                send(h);
            }
        }

        private void send(byte[] data) throws IOException {
            out.send(new DatagramPacket(data, data.length, to));
            forwarded.incrementAndGet();
        }
    }

    /** A gNB: its socket towards the proxy and the two directions. */
    private final class Peer {
        private final DatagramSocket upstream;
        private final Direction up;
        private final Direction down;

        Peer(SocketAddress gnb, int index) throws SocketException {
            this.upstream = new DatagramSocket(new InetSocketAddress(core.getAddress(), 0));
            this.up = new Direction(seed + 2L * index, upstream, core);
            this.down = new Direction(seed + 2L * index + 1, downstream, gnb);
            Thread.ofPlatform().daemon().name("n2-relay-down-" + index).start(this::readDownlink);
        }

        private void readDownlink() {
            byte[] buf = new byte[MAX_DATAGRAM];
            while (!closed) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    upstream.receive(p);
                    down.relay(Arrays.copyOf(p.getData(), p.getLength()));
                } catch (IOException e) {
                    if (!closed) {
                        System.err.println("n2 relay: downlink: " + e);
                    }
                }
            }
        }
    }

    private N2Relay(InetSocketAddress core, long seed, long reorderHoldMillis) throws SocketException {
        this.core = core;
        this.seed = seed;
        this.reorderHoldMillis = reorderHoldMillis;
        this.downstream = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** A relay to the proxy at {@code core}, listening on a free loopback port, impairing nothing until told to. */
    public static N2Relay start(InetSocketAddress core, long seed) throws SocketException {
        N2Relay relay = new N2Relay(core, seed, 20);
        Thread.ofPlatform().daemon().name("n2-relay-up").start(relay::readUplink);
        return relay;
    }

    private void readUplink() {
        byte[] buf = new byte[MAX_DATAGRAM];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                downstream.receive(p);
                SocketAddress from = p.getSocketAddress();
                Peer peer = peers.get(from);
                if (peer == null) {
                    peer = new Peer(from, peers.size());
                    peers.put(from, peer);
                }
                peer.up.relay(Arrays.copyOf(p.getData(), p.getLength()));
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("n2 relay: uplink: " + e);
                }
            }
        }
    }

    /** Where a gNB connects instead of the proxy. */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), downstream.getLocalPort());
    }

    /** From now on every datagram goes through {@code i} ({@link N2Impairment#NONE} to stop). */
    public void impair(N2Impairment i) {
        this.impairment = i;
    }

    /** Counts since the start: relayed (sent on), dropped, duplicated, reordered. */
    public record Counts(long forwarded, long dropped, long duplicated, long reordered) {
    }

    public Counts counts() {
        return new Counts(forwarded.get(), dropped.get(), duplicated.get(), reordered.get());
    }

    @Override
    public void close() {
        closed = true;
        downstream.close();
        peers.values().forEach(p -> p.upstream.close());
        flusher.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
