package io.liquid5gc.gtpu;

import java.net.Inet4Address;

/**
 * IPv4 ICMP echo requests and replies (RFC 791, RFC 792): the T-PDUs a simulated UE sends through the UPF to check
 * and measure the user plane (ransim's ping traffic, the user-plane tests).
 */
public final class Icmp {
    private Icmp() {
    }

    public static byte[] echoRequest(Inet4Address from, Inet4Address to, int id, int seq) {
        byte[] p = new byte[20 + 8 + 16];
        p[0] = 0x45;
        p[2] = (byte) (p.length >> 8);
        p[3] = (byte) p.length;
        p[8] = 64;
        p[9] = 1;
        System.arraycopy(from.getAddress(), 0, p, 12, 4);
        System.arraycopy(to.getAddress(), 0, p, 16, 4);
        put16(p, 10, checksum(p, 0, 20));
        p[20] = 8;
        put16(p, 24, id);
        put16(p, 26, seq);
        for (int i = 28; i < p.length; i++) {
            p[i] = (byte) i;
        }
        put16(p, 22, checksum(p, 20, p.length - 20));
        return p;
    }

    /** The sequence number of an IPv4 echo reply with this id, or -1 when {@code p} is not one. */
    public static int echoReplySequence(byte[] p, int id) {
        return p.length >= 28 && (p[0] & 0xF0) == 0x40 && p[9] == 1 && p[20] == 0 && get16(p, 24) == id ? get16(p, 26) : -1;
    }

    /** Whether {@code p} is an IPv4 echo reply with this id and sequence number. */
    public static boolean isEchoReply(byte[] p, int id, int seq) {
        return echoReplySequence(p, id) == seq;
    }

    public static int checksum(byte[] b, int off, int len) {
        long sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += (b[off + i] & 0xFF) << 8 | (i + 1 < len ? b[off + i + 1] & 0xFF : 0);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) ~sum & 0xFFFF;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    private static int get16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }
}
