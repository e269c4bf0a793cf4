package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2 NGAP-PDU alternatives; the ordinal is the CHOICE index. */
public enum MessageType {
    INITIATING_MESSAGE, SUCCESSFUL_OUTCOME, UNSUCCESSFUL_OUTCOME;

    private static final MessageType[] BY_INDEX = values();

    public static MessageType fromIndex(int i) {
        return i >= 0 && i < BY_INDEX.length ? BY_INDEX[i] : null;
    }
}
