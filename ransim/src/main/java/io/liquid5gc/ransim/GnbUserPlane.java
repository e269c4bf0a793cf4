package io.liquid5gc.ransim;

import io.liquid5gc.gtpu.DecodeResult;
import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.gtpu.GtpuHeader;
import io.liquid5gc.gtpu.GtpuMessage;
import io.liquid5gc.gtpu.PduSessionContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A simulated gNB's N3 side: GTP-U (TS 29.281) on a UDP socket of its own (port 2152 on the configured N3 address in
 * use; 0 for tests). Sends a UE's uplink IP packets as G-PDUs with the UL PDU Session Container and the QFI
 * (TS 38.415 5.5.2.2) in the UPF's tunnel; hands downlink G-PDUs to the receiver registered for their TEID; answers
 * Echo Requests (7.2.2); answers a G-PDU for a TEID it has no receiver for with an Error Indication (7.3.1); records
 * End Markers (7.3.2) and the Error Indications and Echo Responses it gets. One receiving thread.
 */
public final class GnbUserPlane implements AutoCloseable {

    /** What this gNB got that is not user data. */
    public record Signalling(GtpuMessage message, SocketAddress from) {
    }

    private final DatagramChannel channel;
    private final Map<Long, Consumer<byte[]>> downlink = new ConcurrentHashMap<>();
    private final List<Signalling> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Thread receiver;
    private volatile boolean open = true;

    private GnbUserPlane(DatagramChannel channel) {
        this.channel = channel;
        this.receiver = Thread.ofPlatform().daemon().name("gnb-n3-" + channel.socket().getLocalPort()).start(this::receive);
    }

    /** Binds the N3 socket (address:2152 for a real UPF). */
    public static GnbUserPlane bind(InetSocketAddress n3) throws IOException {
        DatagramChannel c = DatagramChannel.open();
        c.bind(n3);
        return new GnbUserPlane(c);
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Delivers the T-PDUs of downlink G-PDUs to this gNB's TEID to {@code receiver} (the UE of that PDU session). */
    public void register(long teid, Consumer<byte[]> receiver) {
        downlink.put(teid, receiver);
    }

    public void unregister(long teid) {
        downlink.remove(teid);
    }

    /** Sends a UE's uplink IP packet in the UPF's tunnel ({@code upf}, {@code teid}) with its QoS flow. */
    public void sendUplink(InetSocketAddress upf, long teid, int qfi, byte[] ipPacket) throws IOException {
        channel.send(ByteBuffer.wrap(GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(teid, PduSessionContainer.uplink(qfi)), ipPacket))), upf);
    }

    /**
     * Forwards a downlink IP packet of a UE's QoS flow in a forwarding tunnel ({@code peer}, {@code teid}): indirect data
     * forwarding during an N2 handover (TS 23.502 4.9.1.3.2 step 9), the source to the UPF.
     */
    public void sendForwarded(InetSocketAddress peer, long teid, int qfi, byte[] ipPacket) throws IOException {
        channel.send(ByteBuffer.wrap(GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(teid, PduSessionContainer.downlink(qfi)), ipPacket))), peer);
    }

    /** Sends an Echo Request (a path check, TS 29.281 7.2.1); the answer shows in {@link #signalling()}. Returns its sequence number. */
    public int sendEcho(InetSocketAddress peer) throws IOException {
        int seq = sequence.incrementAndGet() & 0xFFFF;
        channel.send(ByteBuffer.wrap(GtpuCodec.encode(GtpuMessage.EchoRequest.of(seq))), peer);
        return seq;
    }

    /** The Echo Responses, End Markers, Error Indications and other messages received so far. */
    public List<Signalling> signalling() {
        return List.copyOf(received);
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocate(GtpuCodec.MAX_MESSAGE);
        while (open) {
            try {
                buf.clear();
                SocketAddress from = channel.receive(buf);
                if (from == null) {
                    continue;
                }
                handle(buf.array(), buf.position(), from);
            } catch (IOException e) {
                if (open) {
                    System.err.println("gNB N3: " + e.getMessage());
                }
                return;
            }
        }
    }

    private void handle(byte[] data, int length, SocketAddress from) throws IOException {
        if (!(GtpuCodec.decode(data, 0, length) instanceof DecodeResult.Decoded d)) {
            return; // not GTP-U: dropped (TS 29.281 leaves it to the receiver)
        }
        switch (d.message()) {
            case GtpuMessage.GPdu g -> {
                Consumer<byte[]> ue = downlink.get(g.header().teid());
                if (ue != null) {
                    ue.accept(g.tpdu());
                } else if (from instanceof InetSocketAddress peer) {
                    // TS 29.281 7.3.1: no context for this TEID
                    channel.send(ByteBuffer.wrap(GtpuCodec.encode(new GtpuMessage.ErrorIndication(GtpuHeader.signalling(0, 0), g.header().teid(),
                            localAddress().getAddress(), List.of()))), peer);
                }
            }
            case GtpuMessage.EchoRequest r -> channel.send(ByteBuffer.wrap(GtpuCodec.encode(GtpuMessage.EchoResponse.answering(r))), from);
            default -> received.add(new Signalling(d.message(), from));
        }
    }

    @Override
    /**
     * Closes the socket and waits for the receiving thread to leave its {@code receive}: the JDK releases the port of a
     * channel closed while a thread is blocked in it only when that thread is out, so a gNB bound to the same address
     * right after (the next test) could meet "Address already in use".
     */
    public void close() throws IOException {
        open = false;
        channel.close();
        if (Thread.currentThread() != receiver) {
            try {
                receiver.join(java.time.Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
