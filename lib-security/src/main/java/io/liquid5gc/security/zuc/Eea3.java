package io.liquid5gc.security.zuc;

import io.liquid5gc.security.Bytes;

/** 128-EEA3 / 128-NEA3 confidentiality with ZUC (TS 35.221 Document 1, clause 3; TS 33.501 D.2.1.4, TS 33.401 B.1.4). */
public final class Eea3 {
    private Eea3() {
    }

    /**
     * Encrypts/decrypts {@code lengthBits} bits in place; bits beyond LENGTH in the last octet are set to zero.
     * IV = COUNT || BEARER || DIRECTION || 0^26, repeated (TS 35.221 3.3).
     */
    public static void crypt(byte[] key, int count, int bearer, int direction, byte[] data, int off, long lengthBits) {
        Bytes.requireLength(key, 16, "key");
        byte[] iv = new byte[16];
        Bytes.putInt(iv, 0, count);
        iv[4] = (byte) ((bearer & 0x1f) << 3 | (direction & 1) << 2);
        System.arraycopy(iv, 0, iv, 8, 8);
        ZucKeystream z = new ZucKeystream(key, iv);
        int nBytes = (int) ((lengthBits + 7) / 8);
        int i = 0;
        for (; i + 4 <= nBytes; i += 4) {
            int w = z.next();
            data[off + i] ^= (byte) (w >>> 24);
            data[off + i + 1] ^= (byte) (w >>> 16);
            data[off + i + 2] ^= (byte) (w >>> 8);
            data[off + i + 3] ^= (byte) w;
        }
        if (i < nBytes) {
            int w = z.next();
            for (int shift = 24; i < nBytes; i++, shift -= 8) {
                data[off + i] ^= (byte) (w >>> shift);
            }
        }
        int rem = (int) (lengthBits & 7);
        if (rem != 0) {
            data[off + nBytes - 1] &= (byte) (0xff << (8 - rem));
        }
    }
}
