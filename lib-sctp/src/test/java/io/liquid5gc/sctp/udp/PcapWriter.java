package io.liquid5gc.sctp.udp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes UDP datagrams as a classic pcap file (LINKTYPE_RAW, IPv4) with correct IPv4 and UDP
 * checksums, so that Wireshark/tshark can dissect our SCTP-over-UDP packets without capture rights.
 */
final class PcapWriter {
    record Datagram(long timeNanos, InetSocketAddress from, InetSocketAddress to, byte[] payload) {
    }

    private PcapWriter() {
    }

    static void write(Path file, List<Datagram> datagrams) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
            out.write(h.array());
            int id = 1;
            for (Datagram d : datagrams) {
                byte[] ip = ipv4Udp(d, id++);
                ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                long micros = d.timeNanos() / 1000;
                r.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(ip.length).putInt(ip.length);
                out.write(r.array());
                out.write(ip);
            }
        }
    }

    private static byte[] ipv4Udp(Datagram d, int id) {
        byte[] src = ((Inet4Address) d.from().getAddress()).getAddress();
        byte[] dst = ((Inet4Address) d.to().getAddress()).getAddress();
        int udpLen = 8 + d.payload().length;
        ByteBuffer b = ByteBuffer.allocate(20 + udpLen);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + udpLen)).putShort((short) id).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(src).put(dst);
        b.putShort(10, (short) checksum(b.array(), 0, 20, 0));
        b.putShort((short) d.from().getPort()).putShort((short) d.to().getPort()).putShort((short) udpLen)
                .putShort((short) 0).put(d.payload());
        long pseudo = sum(src, 0, 4) + sum(dst, 0, 4) + 17 + udpLen;
        int c = checksum(b.array(), 20, udpLen, pseudo);
        b.putShort(26, (short) (c == 0 ? 0xFFFF : c));
        return b.array();
    }

    private static long sum(byte[] b, int off, int len) {
        long s = 0;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xFF;
            int lo = i + 1 < len ? b[off + i + 1] & 0xFF : 0;
            s += (hi << 8) | lo;
        }
        return s;
    }

    private static int checksum(byte[] b, int off, int len, long initial) {
        long s = initial + sum(b, off, len);
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) (~s & 0xFFFF);
    }
}
