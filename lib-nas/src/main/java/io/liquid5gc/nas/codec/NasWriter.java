package io.liquid5gc.nas.codec;

import java.util.Arrays;

/** Growable big-endian octet writer with back-patched length fields. */
public final class NasWriter {
    private byte[] buf;
    private int pos;

    public NasWriter() {
        this(128);
    }

    public NasWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
        }
    }

    public int position() {
        return pos;
    }

    public NasWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public NasWriter u16(int v) {
        ensure(2);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public NasWriter u24(int v) {
        ensure(3);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public NasWriter u32(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    public NasWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public NasWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
        return this;
    }

    /** Reserves a one-octet length; close with {@link #endLen8(int)}. */
    public int beginLen8() {
        ensure(1);
        return pos++;
    }

    public void endLen8(int mark) {
        int len = pos - mark - 1;
        if (len > 0xFF) {
            throw new IllegalArgumentException("LV value longer than 255 octets: " + len);
        }
        buf[mark] = (byte) len;
    }

    /** Reserves a two-octet length; close with {@link #endLen16(int)}. */
    public int beginLen16() {
        ensure(2);
        int m = pos;
        pos += 2;
        return m;
    }

    public void endLen16(int mark) {
        int len = pos - mark - 2;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("LV-E value longer than 65535 octets: " + len);
        }
        buf[mark] = (byte) (len >>> 8);
        buf[mark + 1] = (byte) len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }
}
