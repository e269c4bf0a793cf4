package io.liquid5gc.sctp;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;

/**
 * One SCTP association. All methods are thread-safe and never block; actions are carried out on the
 * endpoint's I/O thread.
 */
public interface Association {

    /** Identifier, unique within the process for the lifetime of the endpoint. */
    long id();

    /** The peer's address (for SCTP over UDP: the UDP source of its latest packet). */
    InetSocketAddress remoteAddress();

    /** Negotiated stream counts, valid once up (RFC 9260 5.1.1: min of OS and MIS). */
    int inboundStreams();

    int outboundStreams();

    AssociationState state();

    /**
     * Queues a message if the bounded send buffer has room. Returns false when the buffer is full; a
     * {@link AssociationEvent.SendBufferAvailable} event follows once it drains.
     *
     * @throws IllegalArgumentException if the stream is not below {@link #outboundStreams()} or the
     *     message is larger than the configured maximum
     * @throws IllegalStateException if the association does not accept data (closed, shutting down)
     */
    boolean trySend(SctpMessage message);

    /**
     * Like {@link #trySend} but reports through a stage: completed when the message was accepted into
     * the send buffer, failed with {@link SendBufferFullException} when there is no room (never queues
     * without bound), or with {@link IllegalStateException}/{@link IllegalArgumentException}.
     */
    CompletionStage<Void> send(SctpMessage message);

    /** Bytes currently held in the send buffer (queued and unacknowledged). */
    long bufferedBytes();

    /** Graceful shutdown (RFC 9260 9.2): queued data is delivered first; ends with ShutdownComplete. */
    void shutdown();

    /** Immediate ABORT (RFC 9260 9.1) with the "User-Initiated Abort" cause; queued data is dropped. */
    void abort(String reason);
}
