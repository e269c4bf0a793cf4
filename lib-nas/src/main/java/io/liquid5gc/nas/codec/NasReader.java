package io.liquid5gc.nas.codec;

/**
 * Bounded cursor over a byte array. Every read checks the remaining length first, so no read can
 * allocate more than the input holds. Failures raise the stackless {@link NasDecodeException}.
 */
public final class NasReader {
    private static final byte[] EMPTY = new byte[0];

    private final byte[] buf;
    private final int end;
    private int pos;

    public NasReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    public NasReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    private void need(int n, String what) throws NasDecodeException {
        if (n < 0 || end - pos < n) {
            throw new NasDecodeException(NasDecodeError.Kind.INVALID_MANDATORY_INFORMATION,
                    what + ": need " + n + " octets, " + (end - pos) + " left", pos);
        }
    }

    public int u8() throws NasDecodeException {
        need(1, "octet");
        return buf[pos++] & 0xFF;
    }

    public int peekU8() throws NasDecodeException {
        need(1, "octet");
        return buf[pos] & 0xFF;
    }

    public int u16() throws NasDecodeException {
        need(2, "u16");
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u24() throws NasDecodeException {
        need(3, "u24");
        int v = ((buf[pos] & 0xFF) << 16) | ((buf[pos + 1] & 0xFF) << 8) | (buf[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    public int u32() throws NasDecodeException {
        need(4, "u32");
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16) | ((buf[pos + 2] & 0xFF) << 8)
                | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public byte[] bytes(int n) throws NasDecodeException {
        need(n, "bytes");
        if (n == 0) {
            return EMPTY;
        }
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public byte[] rest() {
        int n = end - pos;
        if (n == 0) {
            return EMPTY;
        }
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos = end;
        return out;
    }

    public void skip(int n) throws NasDecodeException {
        need(n, "skip");
        pos += n;
    }

    /** A reader over the next {@code n} octets, consumed from this one (no copy). */
    public NasReader slice(int n) throws NasDecodeException {
        need(n, "slice");
        NasReader r = new NasReader(buf, pos, n);
        pos += n;
        return r;
    }

    /** LV with a one-octet length (TS 24.007 11.2.1.1.4). */
    public NasReader lv() throws NasDecodeException {
        return slice(u8());
    }

    /** LV-E with a two-octet length (TS 24.501 9.2, type 6). */
    public NasReader lve() throws NasDecodeException {
        return slice(u16());
    }

    public byte[] lvBytes() throws NasDecodeException {
        return bytes(u8());
    }

    public byte[] lveBytes() throws NasDecodeException {
        return bytes(u16());
    }

    /** Fails unless the reader is exhausted: used where an IE has a fixed length. */
    public void expectEnd(String what) throws NasDecodeException {
        if (pos != end) {
            throw new NasDecodeException(NasDecodeError.Kind.INVALID_MANDATORY_INFORMATION,
                    what + ": " + (end - pos) + " unexpected trailing octets", pos);
        }
    }

    public static NasDecodeException invalid(String detail) {
        return new NasDecodeException(NasDecodeError.Kind.INVALID_MANDATORY_INFORMATION, detail, -1);
    }
}
