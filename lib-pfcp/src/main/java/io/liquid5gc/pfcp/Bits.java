package io.liquid5gc.pfcp;

import java.util.Arrays;

/** Range checks and octet-string helpers shared by the IE records. */
final class Bits {
    private Bits() {
    }

    static void range(String what, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range 0-" + max + ": " + value);
        }
    }

    static byte[] copy(byte[] b, int max, String what) {
        if (b.length > max) {
            throw new IllegalArgumentException(what + " longer than " + max + " octets: " + b.length);
        }
        return b.clone();
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }

    /** Up to {@code max} flag octets, the first in bits 0-7 (the remaining octets of a shorter, older encoding are 0). */
    static int littleFlags(Octets v, int max) {
        if (v.remaining() == 0) {
            throw v.bad("no flag octet");
        }
        int flags = 0;
        for (int i = 0; i < max && v.remaining() > 0; i++) {
            flags |= v.u8() << (8 * i);
        }
        return flags;
    }

    /** TS 29.244 8.2.13/8.2.50: flags TOVOL, ULVOL, DLVOL, then the 8-octet volumes present. */
    static void writeVolumes(Sink out, Long total, Long uplink, Long downlink) {
        out.u8((total != null ? 1 : 0) | (uplink != null ? 2 : 0) | (downlink != null ? 4 : 0));
        for (Long x : new Long[] {total, uplink, downlink}) {
            if (x != null) {
                out.uN(x, 8);
            }
        }
    }

    static Long[] readVolumes(Octets v) {
        int flags = v.u8();
        Long[] x = new Long[3];
        for (int i = 0; i < 3; i++) {
            x[i] = (flags & 1 << i) != 0 ? v.uN(8) : null;
        }
        return x;
    }
}
