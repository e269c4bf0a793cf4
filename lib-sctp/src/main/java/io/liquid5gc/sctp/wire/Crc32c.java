package io.liquid5gc.sctp.wire;

import java.util.zip.CRC32C;

/**
 * The SCTP checksum (RFC 9260 6.8 and Appendix A): CRC32c over the whole packet with the checksum
 * field taken as zero, stored least significant byte first (the reflected CRC's natural order).
 * One instance per thread; not thread-safe.
 */
public final class Crc32c {
    private final CRC32C crc = new CRC32C();
    private static final byte[] ZEROS = new byte[4];

    /** Computes the checksum of {@code len} bytes at {@code off}, treating bytes 8..11 as zero. */
    public int compute(byte[] buf, int off, int len) {
        crc.reset();
        crc.update(buf, off, 8);
        crc.update(ZEROS, 0, 4);
        crc.update(buf, off + 12, len - 12);
        return (int) crc.getValue();
    }

    /** Writes the checksum into bytes 8..11 of the packet. */
    public void stamp(byte[] buf, int off, int len) {
        int v = compute(buf, off, len);
        buf[off + 8] = (byte) v;
        buf[off + 9] = (byte) (v >>> 8);
        buf[off + 10] = (byte) (v >>> 16);
        buf[off + 11] = (byte) (v >>> 24);
    }

    /** True if the packet's checksum field matches. */
    public boolean verify(byte[] buf, int off, int len) {
        if (len < 12) {
            return false;
        }
        int v = compute(buf, off, len);
        int stored = (buf[off + 8] & 0xFF) | (buf[off + 9] & 0xFF) << 8 | (buf[off + 10] & 0xFF) << 16
                | (buf[off + 11] & 0xFF) << 24;
        return v == stored;
    }
}
