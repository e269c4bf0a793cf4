package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2: messages carried in the NGAP-PDU alternative SuccessfulOutcome. */
public non-sealed interface SuccessfulOutcome extends NgapMessage {
    @Override
    default MessageType messageType() {
        return MessageType.SUCCESSFUL_OUTCOME;
    }
}
