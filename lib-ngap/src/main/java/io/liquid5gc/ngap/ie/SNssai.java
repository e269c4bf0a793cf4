package io.liquid5gc.ngap.ie;

/** TS 38.413 9.3.1.24 S-NSSAI: SST (1 octet) and optional SD (3 octets; {@link #NO_SD} when absent). */
public record SNssai(int sst, int sd) {
    public static final int NO_SD = -1;

    public SNssai {
        if ((sst & ~0xFF) != 0 || (sd != NO_SD && (sd & ~0xFFFFFF) != 0)) {
            throw new IllegalArgumentException("SST is 1 octet, SD 3");
        }
    }

    public static SNssai of(int sst) {
        return new SNssai(sst, NO_SD);
    }

    public boolean hasSd() {
        return sd != NO_SD;
    }
}
