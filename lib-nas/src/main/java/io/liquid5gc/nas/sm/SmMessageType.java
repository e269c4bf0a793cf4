package io.liquid5gc.nas.sm;

/** 5GSM message types, TS 24.501 9.7 (Table 9.7.2). */
public enum SmMessageType {
    PDU_SESSION_ESTABLISHMENT_REQUEST(0xC1), PDU_SESSION_ESTABLISHMENT_ACCEPT(0xC2),
    PDU_SESSION_ESTABLISHMENT_REJECT(0xC3), PDU_SESSION_AUTHENTICATION_COMMAND(0xC5),
    PDU_SESSION_AUTHENTICATION_COMPLETE(0xC6), PDU_SESSION_AUTHENTICATION_RESULT(0xC7),
    PDU_SESSION_MODIFICATION_REQUEST(0xC9), PDU_SESSION_MODIFICATION_REJECT(0xCA),
    PDU_SESSION_MODIFICATION_COMMAND(0xCB), PDU_SESSION_MODIFICATION_COMPLETE(0xCC),
    PDU_SESSION_MODIFICATION_COMMAND_REJECT(0xCD), PDU_SESSION_RELEASE_REQUEST(0xD1),
    PDU_SESSION_RELEASE_REJECT(0xD2), PDU_SESSION_RELEASE_COMMAND(0xD3), PDU_SESSION_RELEASE_COMPLETE(0xD4),
    SM_STATUS(0xD6), SERVICE_LEVEL_AUTHENTICATION_COMMAND(0xD8), SERVICE_LEVEL_AUTHENTICATION_COMPLETE(0xD9),
    REMOTE_UE_REPORT(0xDA), REMOTE_UE_REPORT_RESPONSE(0xDB);

    private static final SmMessageType[] BY_CODE = new SmMessageType[256];

    static {
        for (SmMessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    public final int code;

    SmMessageType(int code) {
        this.code = code;
    }

    /** The type for {@code code}, or null when TS 24.501 defines none. */
    public static SmMessageType fromCode(int code) {
        return BY_CODE[code & 0xFF];
    }
}
