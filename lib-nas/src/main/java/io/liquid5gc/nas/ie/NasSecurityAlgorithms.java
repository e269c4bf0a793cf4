package io.liquid5gc.nas.ie;

/**
 * NAS security algorithms, TS 24.501 9.11.3.34: ciphering algorithm 5G-EA0..7 in bits 8-5,
 * integrity algorithm 5G-IA0..7 in bits 4-1.
 */
public record NasSecurityAlgorithms(int ciphering, int integrity) {

    public NasSecurityAlgorithms {
        if (ciphering < 0 || ciphering > 15 || integrity < 0 || integrity > 15) {
            throw new IllegalArgumentException("bad algorithm ids");
        }
    }

    public static NasSecurityAlgorithms fromOctet(int o) {
        return new NasSecurityAlgorithms((o >> 4) & 0x0F, o & 0x0F);
    }

    public int toOctet() {
        return (ciphering << 4) | integrity;
    }
}
