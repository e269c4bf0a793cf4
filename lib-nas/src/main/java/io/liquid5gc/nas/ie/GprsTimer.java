package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * GPRS timer (TS 24.008 10.5.7.3, used as TS 24.501 9.11.2.4) and GPRS timer 2 (10.5.7.4, same
 * octet in a TLV): unit in bits 8-6 (000 2 s, 001 1 min, 010 6 min (decihours), 111 deactivated),
 * value in bits 5-1.
 */
public record GprsTimer(int octet) {

    public static GprsTimer seconds(int s) {
        if (s <= 31 * 2) {
            return new GprsTimer((s + 1) / 2);
        }
        if (s <= 31 * 60) {
            return new GprsTimer(0x20 | (s / 60));
        }
        return new GprsTimer(0x40 | Math.min(31, s / 360));
    }

    public static GprsTimer deactivated() {
        return new GprsTimer(0xE0);
    }

    /** Seconds, or -1 when deactivated. Other units are read as 1 minute (TS 24.008 10.5.7.3). */
    public long toSeconds() {
        int v = octet & 0x1F;
        return switch ((octet >> 5) & 0x07) {
            case 0 -> v * 2L;
            case 2 -> v * 360L;
            case 7 -> -1;
            default -> v * 60L;
        };
    }

    public static GprsTimer decode(NasReader r) throws NasDecodeException {
        return new GprsTimer(r.u8());
    }

    public void encode(NasWriter w) {
        w.u8(octet);
    }
}
