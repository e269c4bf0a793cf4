package io.liquid5gc.pfcp;

/** PFCP message types (TS 29.244 7.3, Table 7.3-1) this library models; others decode as {@link PfcpMessage.Other}. */
public enum MessageType {
    HEARTBEAT_REQUEST(1),
    HEARTBEAT_RESPONSE(2),
    ASSOCIATION_SETUP_REQUEST(5),
    ASSOCIATION_SETUP_RESPONSE(6),
    ASSOCIATION_UPDATE_REQUEST(7),
    ASSOCIATION_UPDATE_RESPONSE(8),
    ASSOCIATION_RELEASE_REQUEST(9),
    ASSOCIATION_RELEASE_RESPONSE(10),
    VERSION_NOT_SUPPORTED_RESPONSE(11),
    SESSION_ESTABLISHMENT_REQUEST(50),
    SESSION_ESTABLISHMENT_RESPONSE(51),
    SESSION_MODIFICATION_REQUEST(52),
    SESSION_MODIFICATION_RESPONSE(53),
    SESSION_DELETION_REQUEST(54),
    SESSION_DELETION_RESPONSE(55),
    SESSION_REPORT_REQUEST(56),
    SESSION_REPORT_RESPONSE(57);

    private final int code;

    MessageType(int code) {
        this.code = code;
    }

    /** The Message Type octet. */
    public int code() {
        return code;
    }

    /** TS 29.244 7.2.2.1: session messages (types 50-99) carry a SEID, node messages do not. */
    public static boolean isSessionMessage(int code) {
        return code >= 50 && code <= 99;
    }

    /**
     * TS 29.244 Table 7.3-1: types 1-10 are requests when odd (Heartbeat, PFD Management, Association Setup/Update/
     * Release), 11 is Version Not Supported Response, and from 12 (Node Report, Session Set Deletion, the session
     * messages from 50) requests are even.
     */
    public static boolean isRequest(int code) {
        if (code <= 0 || code == VERSION_NOT_SUPPORTED_RESPONSE.code) {
            return false;
        }
        return code < VERSION_NOT_SUPPORTED_RESPONSE.code ? code % 2 == 1 : code % 2 == 0;
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
