package io.liquid5gc.sbi.amf;

/**
 * UE security capability (TS 24.501 9.11.3.54), the two mandatory octets: {@code ea} has 5G-EA0 in bit 8 down to
 * 5G-EA7 in bit 1, {@code ia} 5G-IA0..7 likewise. The optional EPS octets are kept raw (hex) for replay.
 */
public record UeSecurityCapability(int ea, int ia, String epsOctets) {

    public boolean supportsEa(int algorithm) {
        return algorithm >= 0 && algorithm < 8 && (ea & (0x80 >>> algorithm)) != 0;
    }

    public boolean supportsIa(int algorithm) {
        return algorithm >= 0 && algorithm < 8 && (ia & (0x80 >>> algorithm)) != 0;
    }
}
