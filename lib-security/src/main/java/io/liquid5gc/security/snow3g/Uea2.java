package io.liquid5gc.security.snow3g;

import io.liquid5gc.security.Bytes;

/**
 * UEA2 confidentiality function f8 (ETSI/SAGE UEA2 &amp; UIA2 Document 1, TS 35.215 clause 3), which is also
 * 128-EEA1/128-NEA1 (TS 33.401 B.1.2, TS 33.501 D.2.1.2) with COUNT-C = COUNT.
 */
public final class Uea2 {
    private Uea2() {
    }

    /**
     * Encrypts/decrypts {@code lengthBits} bits of {@code data} starting at {@code off}, in place. Bits beyond
     * LENGTH in the last octet are set to zero.
     *
     * @param bearer    5 bits
     * @param direction 0 or 1
     */
    public static void f8(byte[] key, int count, int bearer, int direction, byte[] data, int off, long lengthBits) {
        Bytes.requireLength(key, 16, "key");
        int iv = (bearer & 0x1f) << 27 | (direction & 1) << 26;
        Snow3g g = new Snow3g();
        // IV3 = COUNT-C, IV2 = BEARER || DIRECTION || 0..0, IV1 = COUNT-C, IV0 = BEARER || DIRECTION || 0..0
        g.init(key, iv, count, iv, count);
        int nBytes = (int) ((lengthBits + 7) / 8);
        int i = 0;
        for (; i + 4 <= nBytes; i += 4) {
            int z = g.next();
            data[off + i] ^= (byte) (z >>> 24);
            data[off + i + 1] ^= (byte) (z >>> 16);
            data[off + i + 2] ^= (byte) (z >>> 8);
            data[off + i + 3] ^= (byte) z;
        }
        if (i < nBytes) {
            int z = g.next();
            for (int shift = 24; i < nBytes; i++, shift -= 8) {
                data[off + i] ^= (byte) (z >>> shift);
            }
        }
        int rem = (int) (lengthBits & 7);
        if (rem != 0) {
            data[off + nBytes - 1] &= (byte) (0xff << (8 - rem));
        }
    }
}
