package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * Integrity protection maximum data rate, TS 24.501 9.11.4.7: uplink then downlink octet
 * (0x00 64 kbps, 0x01 NULL, 0xFF full data rate).
 */
public record IntegrityProtectionMaxDataRate(int uplink, int downlink) {

    public static final int RATE_64_KBPS = 0x00, NULL = 0x01, FULL = 0xFF;

    public static IntegrityProtectionMaxDataRate full() {
        return new IntegrityProtectionMaxDataRate(FULL, FULL);
    }

    public static IntegrityProtectionMaxDataRate decode(NasReader r) throws NasDecodeException {
        return new IntegrityProtectionMaxDataRate(r.u8(), r.u8());
    }

    public void encode(NasWriter w) {
        w.u8(uplink).u8(downlink);
    }
}
