package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * Session-AMBR, TS 24.501 9.11.4.14: unit and 16-bit value for downlink then uplink. Units:
 * 1 = 1 kbps, 2 = 4 kbps, ... 6 = 1 Mbps, 11 = 1 Gbps, 16 = 1 Tbps, 21 = 1 Pbps (x4 steps).
 */
public record SessionAmbr(int downlinkUnit, int downlink, int uplinkUnit, int uplink) {

    public static final int UNIT_KBPS = 1, UNIT_MBPS = 6, UNIT_GBPS = 11;

    public static SessionAmbr mbps(int downlink, int uplink) {
        return new SessionAmbr(UNIT_MBPS, downlink, UNIT_MBPS, uplink);
    }

    private static long unitBps(int unit) {
        if (unit < 1 || unit > 25) {
            return 0;
        }
        // units step by x4 within a decade group: 1k,4k,16k,64k,256k,1M,4M,...
        long base = 1000;
        int group = (unit - 1) / 5;
        for (int g = 0; g < group; g++) {
            base *= 1000;
        }
        return base * (1L << (2 * ((unit - 1) % 5)));
    }

    public long downlinkBps() {
        return unitBps(downlinkUnit) * downlink;
    }

    public long uplinkBps() {
        return unitBps(uplinkUnit) * uplink;
    }

    public static SessionAmbr decode(NasReader r) throws NasDecodeException {
        return new SessionAmbr(r.u8(), r.u16(), r.u8(), r.u16());
    }

    public void encode(NasWriter w) {
        w.u8(downlinkUnit).u16(downlink).u8(uplinkUnit).u16(uplink);
    }
}
