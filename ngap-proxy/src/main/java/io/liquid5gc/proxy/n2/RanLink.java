package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.message.NgapMessage;

/** Sends UE-associated NGAP to the RAN node a UE is reached through. */
public interface RanLink {

    /** Encodes and sends a UE-associated message on a UE stream of the node's association. */
    void sendUeAssociated(NgapMessage message, long ranUeNgapId);

    /** Sends a non-UE-associated message (e.g. PAGING) on the node's common stream. */
    default void sendNonUe(NgapMessage message) {
        throw new UnsupportedOperationException("no non-UE-associated signalling to " + describe());
    }

    /** A name for logs. */
    String describe();
}
