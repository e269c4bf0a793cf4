package io.liquid5gc.ngap.message;

/** TS 38.413 9.4.2: messages carried in the NGAP-PDU alternative InitiatingMessage. */
public non-sealed interface InitiatingMessage extends NgapMessage {
    @Override
    default MessageType messageType() {
        return MessageType.INITIATING_MESSAGE;
    }
}
