package io.liquid5gc.proxy.n2;

import io.liquid5gc.ngap.message.NgapMessage;

/** Sends UE-associated NGAP to the RAN node a UE is reached through. */
public interface RanLink {

    /** Encodes and sends a UE-associated message on a UE stream of the node's association. */
    void sendUeAssociated(NgapMessage message, long ranUeNgapId);

    /** A name for logs. */
    String describe();
}
