package io.liquid5gc.ngap.codec;

import io.liquid5gc.ngap.aper.AperReader;
import io.liquid5gc.ngap.aper.AperWriter;
import io.liquid5gc.ngap.message.MessageType;
import io.liquid5gc.ngap.message.NgapMessage;

/** Dispatch from (message type, procedure code) or record class to the message's IE table. */
public final class MessageCodec {
    private MessageCodec() {
    }

    /** Decodes a message value, or returns null when the procedure is not modelled (→ UnknownMessage). */
    public static NgapMessage decodeValue(AperReader r, MessageType type, int procedureCode, DecodeContext ctx) {
        ContainerDescriptor<?> d = Messages.forCode(type, procedureCode);
        if (d == null) {
            return null;
        }
        return (NgapMessage) IeContainerCodec.decode(r, d, ctx);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void encodeValue(AperWriter w, NgapMessage m) {
        ContainerDescriptor d = Messages.forClass(m.getClass());
        if (d == null) {
            throw new IllegalArgumentException("no codec for " + m.getClass().getName());
        }
        IeContainerCodec.encode(w, d, m);
    }
}
