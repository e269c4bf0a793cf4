package io.liquid5gc.security.nas;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-128-CMAC (NIST SP 800-38B, RFC 4493) over a bit string, which 128-NIA2 needs for messages whose LENGTH is
 * not a multiple of 8 (TS 33.401 B.2.3). Keyed once, reusable for many tags; not thread-safe.
 */
final class AesCmac {
    private final BlockCipher aes = AESEngine.newInstance();
    private final byte[] k1 = new byte[16];
    private final byte[] k2 = new byte[16];
    private final byte[] x = new byte[16];
    private final byte[] block = new byte[16];

    AesCmac(byte[] key) {
        aes.init(true, new KeyParameter(key));
        byte[] l = new byte[16];
        aes.processBlock(new byte[16], 0, l, 0);
        dbl(l, k1);
        dbl(k1, k2);
    }

    /** Subkey doubling in GF(2^128): shift left, xor Rb = 0x87 when the top bit was set. */
    private static void dbl(byte[] in, byte[] out) {
        int carry = 0;
        for (int i = 15; i >= 0; i--) {
            int b = in[i] & 0xff;
            out[i] = (byte) (b << 1 | carry);
            carry = b >>> 7;
        }
        if ((in[0] & 0x80) != 0) {
            out[15] ^= (byte) 0x87;
        }
    }

    /**
     * The full 128-bit tag of the bit string made of {@code prefix} (whole octets) followed by {@code lengthBits}
     * bits of {@code msg} from {@code off}.
     */
    byte[] tag(byte[] prefix, byte[] msg, int off, long lengthBits) {
        return tagInto(prefix, msg, off, lengthBits).clone();
    }

    /** As {@link #tag}, into the instance's working buffer (valid until the next call). */
    byte[] tagInto(byte[] prefix, byte[] msg, int off, long lengthBits) {
        long totalBits = prefix.length * 8L + lengthBits;
        long nBlocks = totalBits == 0 ? 1 : (totalBits + 127) / 128;
        boolean complete = totalBits != 0 && totalBits % 128 == 0;
        java.util.Arrays.fill(x, (byte) 0);
        byte[] block = this.block;
        for (long bi = 0; bi < nBlocks; bi++) {
            long blockStart = bi * 128;
            for (int j = 0; j < 16; j++) {
                long bitPos = blockStart + j * 8L;
                block[j] = bitPos < totalBits ? octet(prefix, msg, off, bitPos) : 0;
            }
            if (bi == nBlocks - 1) {
                long valid = totalBits - blockStart;
                if (complete) {
                    xor(block, k1);
                } else {
                    // keep the valid bits, append a single 1 bit, then zeros
                    int fullBytes = (int) (valid / 8);
                    int remBits = (int) (valid % 8);
                    if (remBits != 0) {
                        block[fullBytes] &= (byte) (0xff << (8 - remBits));
                    }
                    block[fullBytes] |= (byte) (0x80 >>> remBits);
                    xor(block, k2);
                }
            }
            xor(x, block);
            aes.processBlock(x, 0, x, 0);
        }
        return x;
    }

    private static byte octet(byte[] prefix, byte[] msg, int off, long bitPos) {
        int idx = (int) (bitPos / 8);
        return idx < prefix.length ? prefix[idx] : msg[off + idx - prefix.length];
    }

    private static void xor(byte[] a, byte[] b) {
        for (int i = 0; i < 16; i++) {
            a[i] ^= b[i];
        }
    }
}
