package io.liquid5gc.sctp;

import java.net.InetSocketAddress;

/** Association state notifications, after RFC 9260 11.2 (ULP notifications). */
public sealed interface AssociationEvent {

    /** COMMUNICATION UP: the association is established (RFC 9260 11.2.4 A). */
    record Up(int inboundStreams, int outboundStreams) implements AssociationEvent {
    }

    /** COMMUNICATION LOST: the association is gone without a graceful shutdown (RFC 9260 11.2.4 E). */
    record CommunicationLost(Reason reason, String detail) implements AssociationEvent {
    }

    /** RESTART: the peer restarted; queued data was discarded (RFC 9260 11.2.4 G, 5.2.4 action A). */
    record Restart(int inboundStreams, int outboundStreams) implements AssociationEvent {
    }

    /**
     * NETWORK STATUS CHANGE (RFC 9260 11.2.4 C): the peer's path became unreachable or available again,
     * or the peer's UDP source (RFC 6951 5.4: encapsulation port, possibly a NAT's) changed.
     */
    record PeerAddressChanged(InetSocketAddress address, PeerAddressState state) implements AssociationEvent {
    }

    /** SHUTDOWN COMPLETE: graceful shutdown finished (RFC 9260 11.2.4 H). */
    record ShutdownComplete() implements AssociationEvent {
    }

    /** The peer started a graceful shutdown; no more sends are accepted (RFC 9260 9.2). */
    record PeerShutdown() implements AssociationEvent {
    }

    /** The send buffer drained after a send was refused for lack of space: sending may resume. */
    record SendBufferAvailable(long freeBytes) implements AssociationEvent {
    }

    /**
     * A message accepted by {@link Association#trySend} could not be sent (SEND FAILURE, RFC 9260
     * 11.2.4 B): e.g. its stream no longer exists after a restart with fewer streams.
     */
    record SendFailed(int streamId, int bytes, String reason) implements AssociationEvent {
    }

    /** The peer reported an ERROR chunk (RFC 9260 3.3.10); informational. */
    record RemoteError(String causes) implements AssociationEvent {
    }

    enum Reason {
        /** The peer sent ABORT. */
        PEER_ABORT,
        /** This side called {@link Association#abort}. */
        LOCAL_ABORT,
        /** Association.Max.Retrans exceeded by retransmissions or heartbeats (RFC 9260 8.1). */
        PEER_UNREACHABLE,
        /** INIT or COOKIE ECHO retransmitted Max.Init.Retransmits times (RFC 9260 5.1). */
        SETUP_FAILED,
        /** A protocol violation made this side abort. */
        PROTOCOL_ERROR,
        /** The endpoint was closed. */
        ENDPOINT_CLOSED
    }

    enum PeerAddressState {
        AVAILABLE, UNREACHABLE, ADDRESS_CHANGED
    }
}
