package io.liquid5gc.pfcp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Reads big-endian fields from {@code buf[pos, limit)}; reading past the limit throws {@link Malformed}. */
final class Octets {

    /** A field runs past its IE or message; turned into a {@link DecodeResult.Failed} by the codec. */
    static final class Malformed extends RuntimeException {
        final DecodeError error;
        final int ieType;

        Malformed(DecodeError error, int ieType, String detail) {
            super(detail, null, false, false);
            this.error = error;
            this.ieType = ieType;
        }
    }

    private final byte[] buf;
    private int pos;
    private final int limit;
    /** The IE being read, for the Offending IE of a failure. */
    final int ieType;

    Octets(byte[] buf, int pos, int limit, int ieType) {
        this.buf = buf;
        this.pos = pos;
        this.limit = limit;
        this.ieType = ieType;
    }

    int remaining() {
        return limit - pos;
    }

    int position() {
        return pos;
    }

    private void need(int n) {
        if (n > limit - pos) {
            throw new Malformed(DecodeError.BAD_INFORMATION_ELEMENT, ieType,
                    "IE " + ieType + ": " + n + " more octets needed, " + (limit - pos) + " left");
        }
    }

    int u8() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    int u16() {
        need(2);
        int v = (buf[pos] & 0xFF) << 8 | buf[pos + 1] & 0xFF;
        pos += 2;
        return v;
    }

    int u24() {
        need(3);
        int v = (buf[pos] & 0xFF) << 16 | (buf[pos + 1] & 0xFF) << 8 | buf[pos + 2] & 0xFF;
        pos += 3;
        return v;
    }

    long u32() {
        return uN(4);
    }

    long uN(int n) {
        need(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | buf[pos++] & 0xFF;
        }
        return v;
    }

    byte[] bytes(int n) {
        need(n);
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    byte[] rest() {
        return bytes(remaining());
    }

    Inet4Address ipv4() {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes(4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Always an {@link Inet6Address}, also for an IPv4-mapped address (which {@code InetAddress} would make IPv4). */
    Inet6Address ipv6() {
        try {
            return Inet6Address.getByAddress(null, bytes(16), -1);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A second reader over what is left of this one, which does not move this one. */
    Octets rewound() {
        return new Octets(buf, pos, limit, ieType);
    }

    /** A sub-reader over the next {@code n} octets, which this reader skips. */
    Octets slice(int n, int type) {
        need(n);
        Octets s = new Octets(buf, pos, pos + n, type);
        pos += n;
        return s;
    }

    Malformed bad(String detail) {
        return new Malformed(DecodeError.BAD_INFORMATION_ELEMENT, ieType, "IE " + ieType + ": " + detail);
    }
}
