package io.liquid5gc.pfcp;

/**
 * The PFCP header (TS 29.244 7.2.2): the SEID (session messages only; 0 and not encoded for node messages), the
 * 3-octet sequence number that pairs a response with its request, and the message priority (0-15, MP flag) or null.
 */
public record PfcpHeader(long seid, int sequenceNumber, Integer messagePriority) {

    public PfcpHeader {
        Bits.range("sequence number", sequenceNumber, 0xFF_FFFF);
        if (messagePriority != null) {
            Bits.range("message priority", messagePriority, 15);
        }
    }

    /** A node message's header (no SEID). */
    public static PfcpHeader node(int sequenceNumber) {
        return new PfcpHeader(0, sequenceNumber, null);
    }

    /** A session message's header: the SEID the receiver allocated (0 in a Session Establishment Request). */
    public static PfcpHeader session(long seid, int sequenceNumber) {
        return new PfcpHeader(seid, sequenceNumber, null);
    }
}
