package io.liquid5gc.nas.ie;

/** Service type, TS 24.501 9.11.3.50 (half octet); unused values are kept as UNUSED_n so re-encoding is lossless. */
public enum ServiceType {
    SIGNALLING(0), DATA(1), MOBILE_TERMINATED_SERVICES(2), EMERGENCY_SERVICES(3), EMERGENCY_SERVICES_FALLBACK(4),
    HIGH_PRIORITY_ACCESS(5), ELEVATED_SIGNALLING(6), UNUSED_7(7), UNUSED_8(8), UNUSED_9(9), UNUSED_10(10),
    UNUSED_11(11), UNUSED_12(12), UNUSED_13(13), UNUSED_14(14), UNUSED_15(15);

    private static final ServiceType[] BY_CODE = values();
    public final int code;

    ServiceType(int code) {
        this.code = code;
    }

    public static ServiceType fromCode(int code) {
        return BY_CODE[code & 0x0F];
    }
}
