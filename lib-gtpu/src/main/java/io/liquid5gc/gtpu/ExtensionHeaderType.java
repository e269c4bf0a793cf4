package io.liquid5gc.gtpu;

/**
 * Next Extension Header Type values (TS 29.281 5.2.1, Figure 5.2.1-3). Bits 8 and 7 say what a receiver that does
 * not know the type must do (5.2.1: 00 forward/ignore, 01 discard silently, 10 must be understood by the endpoint,
 * 11 must be understood by every node).
 */
public enum ExtensionHeaderType {
    NO_MORE(0x00),
    SERVICE_CLASS_INDICATOR(0x20),
    UDP_PORT(0x40),
    RAN_CONTAINER(0x81),
    LONG_PDCP_PDU_NUMBER(0x82),
    XW_RAN_CONTAINER(0x83),
    NR_RAN_CONTAINER(0x84),
    PDU_SESSION_CONTAINER(0x85),
    PDCP_PDU_NUMBER(0xC0);

    private final int code;

    ExtensionHeaderType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static ExtensionHeaderType of(int code) {
        for (ExtensionHeaderType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** TS 29.281 5.2.1: bits 8-7 of an unknown type = 10 or 11: the receiver must understand it (else it discards the PDU). */
    public static boolean comprehensionRequired(int code) {
        return (code & 0x80) != 0;
    }
}
