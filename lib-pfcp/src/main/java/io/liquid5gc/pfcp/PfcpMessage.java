package io.liquid5gc.pfcp;

import java.util.List;

/**
 * A PFCP message (TS 29.244 7): its header and its IEs. Node messages ({@link NodeMessage}) and session messages
 * ({@link SessionMessage}) this library models are records with typed fields; any other type is {@link Other}, kept
 * with its IEs and re-encoded unchanged.
 */
public sealed interface PfcpMessage permits NodeMessage, SessionMessage, PfcpMessage.Other {

    PfcpHeader header();

    /** The modelled type, or null for {@link Other}. */
    MessageType type();

    /** The Message Type octet. */
    default int typeCode() {
        return type().code();
    }

    /** The IEs in encoding order. */
    List<Ie> ies();

    /** A message type this library does not model (PFD Management, Node Report, Session Set Deletion, ...). */
    record Other(PfcpHeader header, int code, List<Ie> ies) implements PfcpMessage {
        public Other {
            Bits.range("message type", code, 0xFF);
            if (MessageType.of(code) != null) {
                throw new IllegalArgumentException("type " + code + " is modelled: use its record");
            }
            ies = List.copyOf(ies);
        }

        @Override
        public MessageType type() {
            return null;
        }

        @Override
        public int typeCode() {
            return code;
        }
    }
}
