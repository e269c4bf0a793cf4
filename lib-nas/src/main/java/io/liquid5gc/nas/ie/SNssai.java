package io.liquid5gc.nas.ie;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;

/**
 * S-NSSAI, TS 24.501 9.11.2.8. {@code sd}, {@code mappedHplmnSst} and {@code mappedHplmnSd} are
 * null when absent. Value lengths: 1 (SST), 2 (SST, mapped SST), 4 (SST, SD), 5 (SST, SD, mapped
 * SST), 8 (SST, SD, mapped SST, mapped SD).
 */
public record SNssai(int sst, Integer sd, Integer mappedHplmnSst, Integer mappedHplmnSd) {

    public SNssai {
        if (sst < 0 || sst > 255 || (sd != null && (sd < 0 || sd > 0xFFFFFF))
                || (mappedHplmnSst != null && (mappedHplmnSst < 0 || mappedHplmnSst > 255))
                || (mappedHplmnSd != null && (mappedHplmnSd < 0 || mappedHplmnSd > 0xFFFFFF))
                || (mappedHplmnSd != null && (sd == null || mappedHplmnSst == null))) {
            throw new IllegalArgumentException("bad S-NSSAI");
        }
    }

    public static SNssai of(int sst) {
        return new SNssai(sst, null, null, null);
    }

    public static SNssai of(int sst, int sd) {
        return new SNssai(sst, sd, null, null);
    }

    public static SNssai decode(NasReader r) throws NasDecodeException {
        int len = r.remaining();
        int sst = r.u8();
        return switch (len) {
            case 1 -> new SNssai(sst, null, null, null);
            case 2 -> new SNssai(sst, null, r.u8(), null);
            case 4 -> new SNssai(sst, r.u24(), null, null);
            case 5 -> new SNssai(sst, r.u24(), r.u8(), null);
            case 8 -> new SNssai(sst, r.u24(), r.u8(), r.u24());
            default -> throw NasReader.invalid("S-NSSAI length " + len);
        };
    }

    public void encode(NasWriter w) {
        w.u8(sst);
        if (sd != null) {
            w.u24(sd);
        }
        if (mappedHplmnSst != null) {
            w.u8(mappedHplmnSst);
        }
        if (mappedHplmnSd != null) {
            w.u24(mappedHplmnSd);
        }
    }
}
