package io.liquid5gc.nas.ie;

/** PDU session type, TS 24.501 9.11.4.11; unused values are read as IPv4v6. */
public enum PduSessionType {
    IPV4(1), IPV6(2), IPV4V6(3), UNSTRUCTURED(4), ETHERNET(5);

    public final int code;

    PduSessionType(int code) {
        this.code = code;
    }

    public static PduSessionType fromCode(int code) {
        return switch (code & 0x07) {
            case 1 -> IPV4;
            case 2 -> IPV6;
            case 4 -> UNSTRUCTURED;
            case 5 -> ETHERNET;
            default -> IPV4V6;
        };
    }
}
