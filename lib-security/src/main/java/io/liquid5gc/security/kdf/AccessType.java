package io.liquid5gc.security.kdf;

/** Access type distinguisher for KgNB / KN3IWF derivation (TS 33.501 A.9, table A.9-1). */
public enum AccessType {
    THREE_GPP(0x01),
    NON_THREE_GPP(0x02);

    private final int code;

    AccessType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static AccessType fromCode(int code) {
        return switch (code) {
            case 0x01 -> THREE_GPP;
            case 0x02 -> NON_THREE_GPP;
            default -> null;
        };
    }
}
