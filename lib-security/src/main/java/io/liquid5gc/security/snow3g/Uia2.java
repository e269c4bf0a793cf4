package io.liquid5gc.security.snow3g;

import io.liquid5gc.security.Bytes;

/**
 * UIA2 integrity function f9 (ETSI/SAGE UEA2 &amp; UIA2 Document 1, TS 35.215 clause 4): keystream words z1..z5,
 * P = z1||z2, Q = z3||z4, and a polynomial evaluation over GF(2^64) with x^64 + x^4 + x^3 + x + 1. It is also
 * 128-EIA1/128-NIA1 (TS 33.401 B.2.2, TS 33.501 D.3.1.2) with COUNT-I = COUNT and FRESH = BEARER || 0^27.
 */
public final class Uia2 {
    private static final long C64 = 0x1BL;

    private Uia2() {
    }

    /** MAC-I (32 bits, as an int: the first octet is the most significant) over {@code lengthBits} bits. */
    public static int f9(byte[] key, int countI, int fresh, int direction, byte[] msg, int off, long lengthBits) {
        Bytes.requireLength(key, 16, "key");
        if (lengthBits < 0 || (lengthBits + 7) / 8 > msg.length - off) {
            throw new IllegalArgumentException("message shorter than LENGTH");
        }
        Snow3g g = new Snow3g();
        int d = direction & 1;
        // IV3 = COUNT-I, IV2 = FRESH, IV1 = DIRECTION<<31 xor COUNT-I, IV0 = FRESH xor DIRECTION<<15
        g.init(key, fresh ^ (d << 15), countI ^ (d << 31), fresh, countI);
        long p = (g.next() & 0xffffffffL) << 32 | (g.next() & 0xffffffffL);
        long q = (g.next() & 0xffffffffL) << 32 | (g.next() & 0xffffffffL);
        int z5 = g.next();

        long blocks = (lengthBits + 63) / 64; // D - 1 message blocks M0..M(D-2)
        long eval = 0;
        for (long i = 0; i < blocks; i++) {
            long m = block(msg, off, i, lengthBits);
            eval = mul64(eval ^ m, p);
        }
        eval ^= lengthBits; // M(D-1) = LENGTH
        eval = mul64(eval, q);
        return (int) (eval >>> 32) ^ z5;
    }

    /** The i-th 64-bit block of the message, zero-padded after LENGTH bits. */
    private static long block(byte[] msg, int off, long i, long lengthBits) {
        long bitStart = i * 64;
        long v = 0;
        for (int j = 0; j < 8; j++) {
            long byteIndex = i * 8 + j;
            int b = 0;
            if (byteIndex * 8 < lengthBits) {
                b = msg[(int) (off + byteIndex)] & 0xff;
            }
            v = v << 8 | b;
        }
        long valid = lengthBits - bitStart;
        if (valid < 64) {
            v &= -1L << (64 - valid);
        }
        return v;
    }

    /** MUL64(V, P, c) (spec 4.3.3): product in GF(2^64) by shift-and-add over the bits of P. */
    static long mul64(long v, long p) {
        long r = 0;
        for (int i = 0; i < 64; i++) {
            if (((p >>> i) & 1) != 0) {
                r ^= v;
            }
            v = (v << 1) ^ ((v >> 63) & C64);
        }
        return r;
    }
}
