package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * GPRS timer 3, TS 24.008 10.5.7.4a (used as TS 24.501 9.11.2.5): unit in bits 8-6 (000 10 min,
 * 001 1 h, 010 10 h, 011 2 s, 100 30 s, 101 1 min, 110 320 h, 111 deactivated), value bits 5-1.
 */
public record GprsTimer3(int octet) {

    private static final long[] UNIT_SECONDS = {600, 3600, 36_000, 2, 30, 60, 1_152_000, -1};

    /** Units from the finest to the coarsest. */
    private static final int[] UNITS_BY_SIZE = {3, 4, 5, 0, 1, 2, 6};

    /** The exact value when representable, else the smallest representable value above it. */
    public static GprsTimer3 seconds(long s) {
        for (int unit : UNITS_BY_SIZE) {
            long u = UNIT_SECONDS[unit];
            if (s % u == 0 && s / u <= 31) {
                return new GprsTimer3((unit << 5) | (int) (s / u));
            }
        }
        for (int unit : UNITS_BY_SIZE) {
            long u = UNIT_SECONDS[unit];
            long n = (s + u - 1) / u;
            if (n <= 31) {
                return new GprsTimer3((unit << 5) | (int) n);
            }
        }
        return new GprsTimer3((6 << 5) | 31);
    }

    public static GprsTimer3 deactivated() {
        return new GprsTimer3(0xE0);
    }

    /** Seconds, or -1 when deactivated. */
    public long toSeconds() {
        long u = UNIT_SECONDS[(octet >> 5) & 0x07];
        return u < 0 ? -1 : u * (octet & 0x1F);
    }

    public static GprsTimer3 decode(NasReader r) throws NasDecodeException {
        return new GprsTimer3(r.u8());
    }

    public void encode(NasWriter w) {
        w.u8(octet);
    }
}
