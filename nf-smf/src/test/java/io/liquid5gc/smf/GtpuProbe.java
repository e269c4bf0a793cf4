package io.liquid5gc.smf;

import io.liquid5gc.gtpu.DecodeResult;
import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.gtpu.GtpuHeader;
import io.liquid5gc.gtpu.GtpuMessage;
import io.liquid5gc.gtpu.Icmp;
import io.liquid5gc.gtpu.PduSessionContainer;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/** A gNB's N3 side in a test: one GTP-U socket, pings through the UPF, G-PDUs sent and awaited by TEID. */
final class GtpuProbe implements AutoCloseable {

    private final DatagramSocket socket;

    GtpuProbe(InetAddress local) throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(local, GtpuCodec.PORT));
        socket.setSoTimeout(300);
    }

    /** Pings {@code dn} from {@code ue} in the UL tunnel; true when a reply comes back in this gNB's tunnel {@code dlTeid}. */
    boolean ping(InetAddress upfN3, long ulTeid, String ue, InetAddress dn, long dlTeid) throws Exception {
        Inet4Address from = (Inet4Address) InetAddress.getByName(ue);
        for (int seq = 1; seq <= 40; seq++) {
            send(upfN3, new GtpuMessage.GPdu(GtpuHeader.of(ulTeid, PduSessionContainer.uplink(1)), Icmp.echoRequest(from, (Inet4Address) dn, 11, seq)));
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) {
                GtpuMessage m = receive();
                if (m instanceof GtpuMessage.GPdu pdu && pdu.header().teid() == dlTeid && Icmp.isEchoReply(pdu.tpdu(), 11, seq)) {
                    return true;
                }
            }
        }
        return false;
    }

    void send(InetAddress upfN3, GtpuMessage m) throws Exception {
        byte[] g = GtpuCodec.encode(m);
        socket.send(new DatagramPacket(g, g.length, new InetSocketAddress(upfN3, GtpuCodec.PORT)));
    }

    /** The next GTP-U message, or null after the socket's timeout. */
    GtpuMessage receive() throws Exception {
        DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException none) {
            return null;
        }
        return GtpuCodec.decode(in.getData(), 0, in.getLength()) instanceof DecodeResult.Decoded d ? d.message() : null;
    }

    /** Waits up to {@code millis} for a message of {@code type} in tunnel {@code teid}. */
    <T extends GtpuMessage> T await(Class<T> type, long teid, long millis) throws Exception {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() < end) {
            GtpuMessage m = receive();
            if (type.isInstance(m) && m.header().teid() == teid) {
                return type.cast(m);
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }
}
