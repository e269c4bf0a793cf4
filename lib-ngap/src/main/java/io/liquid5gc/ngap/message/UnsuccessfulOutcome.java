package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2: messages carried in the NGAP-PDU alternative UnsuccessfulOutcome. */
public non-sealed interface UnsuccessfulOutcome extends NgapMessage {
    @Override
    default MessageType messageType() {
        return MessageType.UNSUCCESSFUL_OUTCOME;
    }
}
