package io.liquid5gc.security.nas;

import io.liquid5gc.security.Bytes;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * 128-NEA2 / 128-EEA2 (TS 33.501 D.2.1.3, TS 33.401 B.1.3): AES-128 in CTR mode with
 * T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64, Ti+1 = Ti + 1 (the counter is the low 64 bits).
 */
public final class Nea2 {
    private Nea2() {
    }

    /** Encrypts/decrypts in place; bits beyond LENGTH in the last octet are set to zero. */
    public static void crypt(byte[] key, int count, int bearer, int direction, byte[] data, int off, long lengthBits) {
        crypt(keyed(key), count, bearer, direction, data, off, lengthBits);
    }

    static BlockCipher keyed(byte[] key) {
        Bytes.requireLength(key, 16, "key");
        BlockCipher aes = AESEngine.newInstance();
        aes.init(true, new KeyParameter(key));
        return aes;
    }

    static void crypt(BlockCipher aes, int count, int bearer, int direction, byte[] data, int off, long lengthBits) {
        byte[] ctr = new byte[16];
        Bytes.putInt(ctr, 0, count);
        ctr[4] = (byte) ((bearer & 0x1f) << 3 | (direction & 1) << 2);
        byte[] ks = new byte[16];
        int nBytes = (int) ((lengthBits + 7) / 8);
        long counter = 0;
        for (int pos = 0; pos < nBytes; pos += 16) {
            putLong(ctr, 8, counter++);
            aes.processBlock(ctr, 0, ks, 0);
            int n = Math.min(16, nBytes - pos);
            for (int i = 0; i < n; i++) {
                data[off + pos + i] ^= ks[i];
            }
        }
        int rem = (int) (lengthBits & 7);
        if (rem != 0) {
            data[off + nBytes - 1] &= (byte) (0xff << (8 - rem));
        }
    }

    private static void putLong(byte[] b, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
