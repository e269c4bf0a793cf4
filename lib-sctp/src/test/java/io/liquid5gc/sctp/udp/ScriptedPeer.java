package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.Decoded;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.PacketCodec;
import io.liquid5gc.sctp.wire.PacketWriter;
import io.liquid5gc.sctp.wire.Param;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;

/** A hand-driven SCTP-over-UDP peer for protocol tests: sends crafted packets, decodes replies. */
final class ScriptedPeer implements AutoCloseable {
    final DatagramSocket socket;
    final int port;
    final InetSocketAddress target;
    final int targetPort;
    final PacketCodec codec = new PacketCodec();
    int myTag = 0x11223344;
    int peerTag;
    int myTsn = 1000;
    int peerTsn;

    ScriptedPeer(int port, InetSocketAddress target, int targetPort) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = port;
        this.target = target;
        this.targetPort = targetPort;
    }

    void send(int vtag, Chunk... chunks) throws IOException {
        sendFrom(socket, vtag, chunks);
    }

    void sendFrom(DatagramSocket s, int vtag, Chunk... chunks) throws IOException {
        byte[] b = PacketWriter.encode(new Packet(port, targetPort, vtag, List.of(chunks)));
        s.send(new DatagramPacket(b, b.length, target));
    }

    /** Next packet, or null on timeout. */
    Packet receive(long timeoutMillis) throws IOException {
        return receiveOn(socket, timeoutMillis);
    }

    Packet receiveOn(DatagramSocket s, long timeoutMillis) throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket dp = new DatagramPacket(buf, buf.length);
        s.setSoTimeout((int) Math.max(1, timeoutMillis));
        try {
            s.receive(dp);
        } catch (SocketTimeoutException e) {
            return null;
        }
        Decoded<Packet> d = codec.decode(buf, 0, dp.getLength());
        if (d instanceof Decoded.Ok<Packet>(Packet p)) {
            return p;
        }
        throw new AssertionError("undecodable reply: " + d);
    }

    /** Next packet that contains a chunk of the given type (others are skipped). */
    <C extends Chunk> C expect(Class<C> type, long timeoutMillis) throws IOException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            long left = end - System.currentTimeMillis();
            Packet p = left > 0 ? receive(left) : null;
            if (p == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + timeoutMillis + " ms");
            }
            for (Chunk c : p.chunks()) {
                if (type.isInstance(c)) {
                    lastPacket = p;
                    return type.cast(c);
                }
            }
        }
    }

    Packet lastPacket;

    Chunk.Init init() {
        return new Chunk.Init(myTag, 1 << 20, 10, 10, myTsn, List.of(new Param(0xC000, new byte[0])));
    }

    /** Runs INIT / INIT ACK / COOKIE ECHO / COOKIE ACK against a listening endpoint. */
    void establish() throws IOException {
        send(0, init());
        Chunk.InitAck ack = expect(Chunk.InitAck.class, 2000);
        peerTag = ack.initiateTag();
        peerTsn = ack.initialTsn();
        send(peerTag, new Chunk.CookieEcho(ack.cookie()));
        expect(Chunk.CookieAck.class, 2000);
    }

    Chunk.Data data(int tsn, int stream, int ssn, byte[] payload) {
        return new Chunk.Data(Chunk.Data.FLAG_B | Chunk.Data.FLAG_E, tsn, stream, ssn, 60, payload);
    }

    @Override
    public void close() {
        socket.close();
    }
}
