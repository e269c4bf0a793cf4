package io.liquid5gc.security;

import java.security.MessageDigest;

/** Small byte-array helpers shared by the security packages. */
public final class Bytes {
    private Bytes() {
    }

    /**
     * Constant-time comparison of two secrets (MAC, RES*, HXRES*): the time does not depend on where they differ.
     * Arrays of different length compare unequal.
     */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Constant-time comparison of {@code len} bytes of {@code a} at {@code aOff} and {@code b} at {@code bOff}. */
    public static boolean constantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }

    /** Checks a parameter's length, with the parameter's name in the message. */
    public static byte[] requireLength(byte[] value, int length, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
        if (value.length != length) {
            throw new IllegalArgumentException(name + " must be " + length + " bytes, got " + value.length);
        }
        return value;
    }

    /** Big-endian 32-bit read. */
    public static int getInt(byte[] b, int off) {
        return (b[off] & 0xff) << 24 | (b[off + 1] & 0xff) << 16 | (b[off + 2] & 0xff) << 8 | (b[off + 3] & 0xff);
    }

    /** Big-endian 32-bit write. */
    public static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    /** Big-endian 48-bit value of 6 bytes (SQN, AK). */
    public static long getUint48(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    public static void putUint48(byte[] b, int off, long v) {
        for (int i = 5; i >= 0; i--) {
            b[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
