package io.liquid5gc.sctp.udp;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The UDP socket under an endpoint, as an interface so that tests can inject loss, duplication,
 * reordering or capture. Used by the endpoint's I/O thread only, except {@link #wakeup()}.
 */
public interface DatagramIo extends Closeable {

    /** Sends the buffer's remaining bytes to {@code target}. Failures are reported, never thrown for drops. */
    void send(ByteBuffer datagram, InetSocketAddress target) throws IOException;

    /** Receives one datagram into {@code dst} without blocking; returns its source or null if none. */
    InetSocketAddress receive(ByteBuffer dst) throws IOException;

    /** Blocks until a datagram may be readable, {@link #wakeup()} is called, or the timeout passes. */
    void await(long timeoutNanos) throws IOException;

    /** Makes a current or the next {@link #await} return at once. Thread-safe. */
    void wakeup();

    InetSocketAddress localAddress() throws IOException;
}
