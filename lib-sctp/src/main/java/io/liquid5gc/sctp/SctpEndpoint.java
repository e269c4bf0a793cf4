package io.liquid5gc.sctp;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * An SCTP endpoint: one local port that accepts associations (if listening) and opens them
 * ({@link #connect}). Many associations per endpoint. Implementations:
 * {@code io.liquid5gc.sctp.udp.UdpSctpEndpoint} (SCTP over UDP, RFC 6951, pure Java) and
 * {@code io.liquid5gc.sctp.kernel.KernelSctpEndpoint} (the OS's SCTP via com.sun.nio.sctp).
 *
 * <p>Threading: one I/O thread per endpoint runs the protocol and invokes the {@link AssociationHandler};
 * futures returned here are completed on that thread, so chain with the *Async methods or hand off.
 */
public interface SctpEndpoint extends AutoCloseable {

    /** The local socket address (for UDP: the encapsulation socket). */
    InetSocketAddress localAddress();

    /**
     * Opens an association to {@code remote}; the future completes when it is up (COMMUNICATION UP) or
     * fails when setup fails. For SCTP over UDP, {@code remote} is the peer's UDP encapsulation address
     * and {@code remoteSctpPort} its SCTP port.
     */
    CompletableFuture<Association> connect(InetSocketAddress remote, int remoteSctpPort);

    /**
     * Like {@link #connect(InetSocketAddress, int)} from a given local SCTP port, so that one endpoint
     * (one socket, one thread) can carry many client associations to the same peer — a RAN simulator
     * with many gNBs. Port 0 means the endpoint's own port.
     */
    CompletableFuture<Association> connect(InetSocketAddress remote, int remoteSctpPort, int localSctpPort);

    /** Associations currently known (any state but CLOSED). */
    Collection<Association> associations();

    /** Aborts all associations and releases the socket. */
    @Override
    void close();
}
