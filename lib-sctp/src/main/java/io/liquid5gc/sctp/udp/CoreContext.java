package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.wire.PacketWriter;
import java.util.random.RandomGenerator;

/** What an {@link AssociationCore} needs from its endpoint. All calls happen on the I/O thread. */
interface CoreContext {

    SctpConfig config();

    CookieCodec cookies();

    RandomGenerator random();

    /** Current time of the injected clock, in milliseconds (for cookies). */
    long nowMillis();

    /** The shared packet builder; a packet begun must be sent before any other is begun. */
    PacketWriter writer();

    /** Sends the finished packet in {@link #writer()} to the association's current remote address. */
    void transmit(AssociationCore core);

    void deliver(AssociationCore core, SctpMessage message);

    void event(AssociationCore core, AssociationEvent event);

    /** The association reached CLOSED: forget it. */
    void closed(AssociationCore core);

    /** The peer's UDP source changed: re-index it. */
    void remoteChanged(AssociationCore core, java.net.InetSocketAddress old);

    /** The association's local tag changed (restart): re-index it. */
    void localTagChanged(AssociationCore core, int oldTag);
}
