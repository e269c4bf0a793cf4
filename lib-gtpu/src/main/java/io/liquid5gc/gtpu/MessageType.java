package io.liquid5gc.gtpu;

/** GTP-U message types (TS 29.281 6.1, Table 6.1-1) this library models; others decode as {@link GtpuMessage.Other}. */
public enum MessageType {
    ECHO_REQUEST(1),
    ECHO_RESPONSE(2),
    ERROR_INDICATION(26),
    SUPPORTED_EXTENSION_HEADERS_NOTIFICATION(31),
    END_MARKER(254),
    G_PDU(255);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The Message Type octet. */
    public int code() {
        return code;
    }

    /** The type with this wire code, or null when this library does not model it. */
    public static MessageType of(int code) {
        for (MessageType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
