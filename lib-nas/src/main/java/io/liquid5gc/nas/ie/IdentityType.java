package io.liquid5gc.nas.ie;

/** 5GS identity type, TS 24.501 9.11.3.3 (half octet, bits 3-1). */
public enum IdentityType {
    NO_IDENTITY(0), SUCI(1), GUTI(2), IMEI(3), S_TMSI(4), IMEISV(5), MAC_ADDRESS(6), EUI64(7);

    private static final IdentityType[] BY_CODE = values();
    public final int code;

    IdentityType(int code) {
        this.code = code;
    }

    public static IdentityType fromCode(int code) {
        return BY_CODE[code & 0x07];
    }
}
