package io.liquid5gc.security.zuc;

import io.liquid5gc.security.Bytes;

/**
 * 128-EIA3 / 128-NIA3 integrity with ZUC (TS 35.221 Document 1, clause 4; TS 33.501 D.3.1.4, TS 33.401 B.2.4), for any bit length.
 */
public final class Eia3 {
    private Eia3() {
    }

    /**
     * The 32-bit MAC over {@code lengthBits} bits. IV (TS 35.221 4.3): IV0..3 = COUNT, IV4 = BEARER||000,
     * IV5..7 = 0, IV8 = IV0 xor DIRECTION&lt;&lt;7, IV9..13 = IV1..5, IV14 = IV6 xor DIRECTION&lt;&lt;7, IV15 = IV7.
     */
    public static int mac(byte[] key, int count, int bearer, int direction, byte[] msg, int off, long lengthBits) {
        Bytes.requireLength(key, 16, "key");
        if (lengthBits < 0 || (lengthBits + 7) / 8 > msg.length - off) {
            throw new IllegalArgumentException("message shorter than LENGTH");
        }
        byte[] iv = new byte[16];
        Bytes.putInt(iv, 0, count);
        iv[4] = (byte) ((bearer & 0x1f) << 3);
        System.arraycopy(iv, 0, iv, 8, 8);
        iv[8] ^= (byte) ((direction & 1) << 7);
        iv[14] ^= (byte) ((direction & 1) << 7);
        ZucKeystream ks = new ZucKeystream(key, iv);
        // L = ceil(LENGTH/32) + 2 keystream words; z_i is the 32-bit window starting at keystream bit i.
        int words = (int) ((lengthBits + 31) / 32) + 2;
        int[] z = new int[words];
        for (int w = 0; w < words; w++) {
            z[w] = ks.next();
        }
        int t = 0;
        for (int w = 0; (long) w * 32 < lengthBits; w++) {
            int m = messageWord(msg, off, w, lengthBits);
            long window = (z[w] & 0xffffffffL) << 32 | (z[w + 1] & 0xffffffffL);
            for (int b = 0; m != 0; b++, m <<= 1) {
                if (m < 0) {
                    t ^= (int) (window >>> (32 - b));
                }
            }
        }
        // T = T xor z_LENGTH; MAC = T xor z_{32(L-1)}
        int w = (int) (lengthBits / 32);
        int shift = (int) (lengthBits % 32);
        long window = (z[w] & 0xffffffffL) << 32 | (z[w + 1] & 0xffffffffL);
        t ^= (int) (window >>> (32 - shift));
        return t ^ z[words - 1];
    }

    private static int messageWord(byte[] msg, int off, long wordIndex, long lengthBits) {
        int v = 0;
        for (int j = 0; j < 4; j++) {
            long byteIndex = wordIndex * 4 + j;
            int b = byteIndex * 8 < lengthBits ? msg[(int) (off + byteIndex)] & 0xff : 0;
            v = v << 8 | b;
        }
        long valid = lengthBits - wordIndex * 32;
        return valid < 32 ? v & (-1 << (32 - valid)) : v;
    }
}
