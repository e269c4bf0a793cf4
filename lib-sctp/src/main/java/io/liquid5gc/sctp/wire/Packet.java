package io.liquid5gc.sctp.wire;

import java.util.List;

/** An SCTP packet: common header (RFC 9260 3.1) and its chunks. Ports are unsigned 16-bit values. */
public record Packet(int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks) {
    public Packet {
        chunks = List.copyOf(chunks);
    }

    public static final int COMMON_HEADER = 12;
}
