package io.liquid5gc.pfcp;

import java.net.InetAddress;
import java.util.Arrays;

/** A growing big-endian octet buffer for encoding. */
final class Sink {
    private byte[] buf = new byte[256];
    private int len;

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    Sink u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
        return this;
    }

    Sink u16(int v) {
        return uN(v, 2);
    }

    Sink u24(int v) {
        return uN(v, 3);
    }

    Sink u32(long v) {
        return uN(v, 4);
    }

    Sink uN(long v, int n) {
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
        return this;
    }

    Sink bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    Sink address(InetAddress a) {
        return bytes(a.getAddress());
    }

    int length() {
        return len;
    }

    /** Overwrites 2 octets at {@code at} (a Length field written once its content is known). */
    void patch16(int at, int v) {
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
