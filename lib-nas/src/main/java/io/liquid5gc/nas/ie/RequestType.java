package io.liquid5gc.nas.ie;

/** Request type, TS 24.501 9.11.3.47 (half octet, bits 3-1). */
public enum RequestType {
    INITIAL_REQUEST(1), EXISTING_PDU_SESSION(2), INITIAL_EMERGENCY_REQUEST(3), EXISTING_EMERGENCY_PDU_SESSION(4),
    MODIFICATION_REQUEST(5), MA_PDU_REQUEST(6), RESERVED(7);

    public final int code;

    RequestType(int code) {
        this.code = code;
    }

    public static RequestType fromCode(int code) {
        return switch (code & 0x07) {
            case 1 -> INITIAL_REQUEST;
            case 2 -> EXISTING_PDU_SESSION;
            case 3 -> INITIAL_EMERGENCY_REQUEST;
            case 4 -> EXISTING_EMERGENCY_PDU_SESSION;
            case 5 -> MODIFICATION_REQUEST;
            case 6 -> MA_PDU_REQUEST;
            default -> RESERVED;
        };
    }
}
