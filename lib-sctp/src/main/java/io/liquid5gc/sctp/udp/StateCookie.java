package io.liquid5gc.sctp.udp;

/**
 * Contents of our State Cookie (RFC 9260 5.1.3): what the INIT ACK committed to, so the association
 * can be created from the COOKIE ECHO alone, plus the Tie-Tags of RFC 9260 5.2.2.
 *
 * @param createdMillis creation time on the endpoint's clock
 * @param lifetimeMillis validity
 * @param localTag our Initiate Tag from the INIT ACK
 * @param peerTag the peer's Initiate Tag from its INIT
 * @param localInitialTsn our initial TSN
 * @param peerInitialTsn the peer's initial TSN
 * @param peerRwnd the peer's a_rwnd
 * @param outboundStreams negotiated, min(our OS, peer MIS)
 * @param inboundStreams negotiated, min(peer OS, our MIS)
 * @param peerPort peer SCTP port
 * @param localPort our SCTP port
 * @param localTieTag our tag of an existing association, or 0
 * @param peerTieTag the peer's tag of an existing association, or 0
 */
record StateCookie(long createdMillis, int lifetimeMillis, int localTag, int peerTag, int localInitialTsn,
        int peerInitialTsn, long peerRwnd, int outboundStreams, int inboundStreams, int peerPort, int localPort,
        int localTieTag, int peerTieTag) {
}
