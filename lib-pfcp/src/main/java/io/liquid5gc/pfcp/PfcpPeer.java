package io.liquid5gc.pfcp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A PFCP entity's UDP endpoint (TS 29.244 6.4): one socket on the local N4 address, requests numbered with 3-octet
 * sequence numbers, resent every T1 up to N1 times until the response with that sequence number arrives from the peer
 * it was sent to; incoming requests handed to a handler whose answer is sent back (and sent again, unchanged, for a
 * retransmitted request, TS 29.244 6.4). Datagrams that do not decode are counted; a request that does not decode
 * is answered when its header was readable (Version Not Supported Response, or the type's response is left to the
 * handler). The handler runs on the reader thread, or on an executor given at {@link #open(InetSocketAddress, Duration,
 * int, BiFunction, Executor)} (then no blocking work of the handler delays the other peers' messages; a retransmission
 * arriving while its request is still being handled is dropped, the answer follows). Plain Java: the SMF wires it.
 */
public final class PfcpPeer implements AutoCloseable {

    private static final Logger log = Logger.getLogger(PfcpPeer.class.getName());
    /** At most this many answers are kept for retransmitted requests (memory bound under a flood). */
    static final int MAX_ANSWERS_KEPT = 8192;

    /** What happened to a request: its response, or no response after N1 retransmissions. */
    public static final class NoResponseException extends IOException {
        public NoResponseException(String message) {
            super(message);
        }
    }

    private record Pending(SocketAddress to, CompletableFuture<PfcpMessage> answer, byte[] octets, int[] tries, ScheduledFuture<?>[] timer) {
    }

    private record Key(SocketAddress peer, int sequence) {
    }

    /** An answer sent (octets), or a request still being handled (octets null). */
    private record Answer(int requestType, byte[] octets, long expiresNanos) {
    }

    /** How long an answer is kept: a peer stops retransmitting after its N1 tries T1 apart (ours, as the best guess). */
    private long answerLifetimeNanos() {
        return t1.toNanos() * (n1 + 2);
    }

    private final DatagramSocket socket;
    private final Duration t1;
    private final int n1;
    private final BiFunction<InetSocketAddress, PfcpMessage, PfcpMessage> handler;
    private final Executor handlerExecutor;
    private final ScheduledExecutorService timers;
    private final Thread reader;
    private final AtomicInteger nextSequence = new AtomicInteger(1);
    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    /**
     * The answers to incoming requests, per peer and sequence number, to send again for a retransmission (TS 29.244
     * 6.4): kept for the peer's retransmission window only and only for the same message type, so that a peer that
     * restarted and reuses a sequence number is not answered from before its restart.
     */
    private final Map<Key, Answer> answered = new ConcurrentHashMap<>();
    private final AtomicInteger undecodable = new AtomicInteger();
    private volatile boolean closed;

    private PfcpPeer(DatagramSocket socket, Duration t1, int n1, BiFunction<InetSocketAddress, PfcpMessage, PfcpMessage> handler,
                     Executor handlerExecutor) {
        this.socket = socket;
        this.t1 = t1;
        this.n1 = n1;
        this.handler = handler;
        this.handlerExecutor = handlerExecutor;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "pfcp-timers"));
        this.reader = daemon(this::readLoop, "pfcp-reader " + socket.getLocalSocketAddress());
        reader.start();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Opens the endpoint on {@code local} (usually port 8805). {@code handler} answers the peers' requests (a null
     * answer sends nothing); T1 is the retransmission timer, N1 the number of retransmissions (TS 29.244 6.4).
     */
    public static PfcpPeer open(InetSocketAddress local, Duration t1, int n1,
                                BiFunction<InetSocketAddress, PfcpMessage, PfcpMessage> handler) throws SocketException {
        return open(local, t1, n1, handler, null);
    }

    /**
     * As {@link #open(InetSocketAddress, Duration, int, BiFunction)}, with the handler run on {@code handlerExecutor}
     * (null: on the reader thread), for handlers that wait (a store, another NF).
     */
    public static PfcpPeer open(InetSocketAddress local, Duration t1, int n1,
                                BiFunction<InetSocketAddress, PfcpMessage, PfcpMessage> handler, Executor handlerExecutor) throws SocketException {
        if (t1.isNegative() || t1.isZero() || n1 < 0) {
            throw new IllegalArgumentException("T1 > 0 and N1 >= 0: " + t1 + ", " + n1);
        }
        DatagramSocket s = new DatagramSocket(local);
        return new PfcpPeer(s, t1, n1, handler, handlerExecutor);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Datagrams received that were not PFCP messages this codec could read. */
    public int undecodable() {
        return undecodable.get();
    }

    /**
     * Sends the request {@code build} makes for the next sequence number to {@code to}; the future completes with the
     * response of that sequence number from {@code to}, or with {@link NoResponseException} after T1 * (N1 + 1).
     */
    public CompletableFuture<PfcpMessage> request(InetSocketAddress to, IntFunction<PfcpMessage> build) {
        int seq = nextSequence.getAndUpdate(s -> s == 0xFF_FFFF ? 1 : s + 1);
        PfcpMessage m = build.apply(seq);
        if (m.header().sequenceNumber() != seq || !MessageType.isRequest(m.typeCode())) {
            throw new IllegalArgumentException("a request with sequence number " + seq + ": " + m);
        }
        Pending p = new Pending(to, new CompletableFuture<>(), PfcpCodec.encode(m), new int[1], new ScheduledFuture<?>[1]);
        Key key = new Key(to, seq);
        pending.put(key, p);
        p.answer.whenComplete((r, e) -> {
            pending.remove(key);
            if (p.timer[0] != null) {
                p.timer[0].cancel(false);
            }
        });
        transmit(key, p);
        return p.answer;
    }

    private void transmit(Key key, Pending p) {
        if (p.answer.isDone()) {
            return;
        }
        if (p.tries[0] > n1) {
            p.answer.completeExceptionally(new NoResponseException("no response from " + p.to + " to sequence " + key.sequence
                    + " after " + (n1 + 1) + " transmissions " + t1.toMillis() + " ms apart"));
            return;
        }
        p.tries[0]++;
        send(p.octets, p.to);
        p.timer[0] = timers.schedule(() -> transmit(key, p), t1.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void send(byte[] octets, SocketAddress to) {
        try {
            socket.send(new DatagramPacket(octets, octets.length, to));
        } catch (IOException e) {
            if (!closed) {
                log.log(Level.WARNING, "PFCP send to " + to + " failed: " + e.getMessage());
            }
        }
    }

    private void readLoop() {
        byte[] buf = new byte[65535];
        while (!closed) {
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(in);
            } catch (IOException e) {
                if (!closed) {
                    log.log(Level.WARNING, "PFCP receive failed: " + e.getMessage());
                }
                continue;
            }
            InetSocketAddress from = (InetSocketAddress) in.getSocketAddress();
            try {
                onDatagram(from, Arrays.copyOf(in.getData(), in.getLength()));
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "PFCP message from " + from + " not handled", e);
            }
        }
    }

    private void onDatagram(InetSocketAddress from, byte[] octets) {
        DecodeResult r = PfcpCodec.decode(octets);
        if (r instanceof DecodeResult.Failed f) {
            undecodable.incrementAndGet();
            if (f.error() == DecodeError.UNSUPPORTED_VERSION && f.messageType() >= 0 && MessageType.isRequest(f.messageType())) {
                // TS 29.244 7.4.4.7 / 6.2.2: answer a request of another version with our version
                send(PfcpCodec.encode(new NodeMessage.VersionNotSupportedResponse(PfcpHeader.node(f.sequenceNumber()), java.util.List.of())), from);
            }
            log.log(Level.FINE, "undecodable PFCP from " + from + ": " + f.error() + " " + f.detail());
            return;
        }
        PfcpMessage m = ((DecodeResult.Decoded) r).message();
        Key key = new Key(from, m.header().sequenceNumber());
        if (MessageType.isRequest(m.typeCode())) {
            long now = System.nanoTime();
            Answer again = answered.get(key);
            if (again != null && again.requestType == m.typeCode() && now - again.expiresNanos < 0) {
                if (again.octets != null) {
                    send(again.octets, from);
                } // else: still being handled, its answer follows
                return;
            }
            if (handlerExecutor == null) {
                answer(key, m, from);
                return;
            }
            keep(key, new Answer(m.typeCode(), null, now + answerLifetimeNanos()), now);
            try {
                handlerExecutor.execute(() -> {
                    try {
                        answer(key, m, from);
                    } catch (RuntimeException e) {
                        answered.remove(key);
                        log.log(Level.WARNING, "PFCP request from " + from + " not handled", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                answered.remove(key);
                log.log(Level.WARNING, "PFCP request from " + from + " not handled: " + e.getMessage());
            }
            return;
        }
        Pending p = pending.get(key);
        if (p != null) {
            p.answer.complete(m);
        }
    }

    private void answer(Key key, PfcpMessage m, InetSocketAddress from) {
        PfcpMessage answer = handler.apply(from, m);
        if (answer == null) {
            answered.remove(key);
            return;
        }
        byte[] out = PfcpCodec.encode(answer);
        long now = System.nanoTime();
        keep(key, new Answer(m.typeCode(), out, now + answerLifetimeNanos()), now);
        send(out, from);
    }

    private void keep(Key key, Answer a, long now) {
        if (answered.size() >= MAX_ANSWERS_KEPT) {
            answered.values().removeIf(x -> now - x.expiresNanos >= 0);
        }
        if (answered.size() < MAX_ANSWERS_KEPT || answered.containsKey(key)) {
            answered.put(key, a);
        }
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        timers.shutdownNow();
        pending.values().forEach(p -> p.answer.completeExceptionally(new NoResponseException("PFCP endpoint closed")));
    }
}
