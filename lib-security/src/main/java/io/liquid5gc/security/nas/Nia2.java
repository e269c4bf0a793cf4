package io.liquid5gc.security.nas;

import io.liquid5gc.security.Bytes;

/** 128-NIA2 / 128-EIA2 (TS 33.501 D.3.1.3, TS 33.401 B.2.3): AES-128-CMAC, MAC = the first 32 bits of T. */
public final class Nia2 {
    private Nia2() {
    }

    /** M = COUNT || BEARER || DIRECTION || 0^26 || MESSAGE, BLENGTH = LENGTH + 64. */
    public static int mac(byte[] key, int count, int bearer, int direction, byte[] msg, int off, long lengthBits) {
        Bytes.requireLength(key, 16, "key");
        if (lengthBits < 0 || (lengthBits + 7) / 8 > msg.length - off) {
            throw new IllegalArgumentException("message shorter than LENGTH");
        }
        return mac(new AesCmac(key), count, bearer, direction, msg, off, lengthBits);
    }

    static int mac(AesCmac cmac, int count, int bearer, int direction, byte[] msg, int off, long lengthBits) {
        byte[] prefix = new byte[8];
        Bytes.putInt(prefix, 0, count);
        prefix[4] = (byte) ((bearer & 0x1f) << 3 | (direction & 1) << 2);
        return Bytes.getInt(cmac.tagInto(prefix, msg, off, lengthBits), 0);
    }
}
