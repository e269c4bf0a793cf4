package io.liquid5gc.sctp.udp;

import io.liquid5gc.sctp.wire.Chunk;
import io.liquid5gc.sctp.wire.ErrorCause;
import io.liquid5gc.sctp.wire.Packet;
import io.liquid5gc.sctp.wire.PacketWriter;
import java.util.List;

/**
 * The answer to an out-of-the-blue packet (RFC 9260 8.4): a packet that belongs to no association. Stateless;
 * the answer is built in the endpoint's writer and its length returned, or -1 when the packet gets none.
 */
final class OutOfTheBlue {
    private static final int MAX_DATAGRAM = 65536;

    private OutOfTheBlue() {
    }

    /** RFC 9260 8.4 rules 2, 5, 6, 7 and 8. */
    static int answer(Packet p, PacketWriter writer) {
        boolean shutdownAck = false;
        for (Chunk c : p.chunks()) {
            switch (c) {
                case Chunk.Abort a -> {
                    return -1; // rule 2
                }
                case Chunk.ShutdownComplete sc -> {
                    return -1; // rule 6
                }
                case Chunk.CookieAck ca -> {
                    return -1; // rule 7
                }
                case Chunk.Error e -> {
                    for (ErrorCause ec : e.causes()) {
                        if (ec.knownCode() == ErrorCause.Code.STALE_COOKIE) {
                            return -1; // rule 7
                        }
                    }
                }
                case Chunk.ShutdownAck sa -> shutdownAck = true;
                default -> {
                }
            }
        }
        if (shutdownAck) {
            // rule 5: SHUTDOWN COMPLETE with the T bit and the packet's tag
            PacketWriter w = writer.begin(p.destinationPort(), p.sourcePort(), p.verificationTag(), MAX_DATAGRAM);
            w.add(new Chunk.ShutdownComplete(true));
            return w.finish();
        }
        return abort(writer, p.destinationPort(), p.sourcePort(), p.verificationTag());
    }

    /** Rule 8: ABORT with the T bit, reflecting the verification tag. */
    static int abort(PacketWriter writer, int ourPort, int peerPort, int reflectedTag) {
        PacketWriter w = writer.begin(ourPort, peerPort, reflectedTag, MAX_DATAGRAM);
        w.add(new Chunk.Abort(true, List.of()));
        return w.finish();
    }
}
