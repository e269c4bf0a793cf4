package io.liquid5gc.sctp.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/** {@link DatagramIo} over a non-blocking {@link DatagramChannel} and a {@link Selector}. */
public final class ChannelDatagramIo implements DatagramIo {
    private final DatagramChannel channel;
    private final Selector selector;

    private ChannelDatagramIo(DatagramChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /** Binds a UDP socket (RFC 6951: the SCTP over UDP port, 9899 by default). */
    public static ChannelDatagramIo bind(InetSocketAddress local) throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        try {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
            ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            ch.bind(local);
            ch.configureBlocking(false);
            Selector sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
            return new ChannelDatagramIo(ch, sel);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress target) throws IOException {
        channel.send(datagram, target); // a full socket buffer drops the datagram, as the network would
    }

    @Override
    public InetSocketAddress receive(ByteBuffer dst) throws IOException {
        return (InetSocketAddress) channel.receive(dst);
    }

    @Override
    public void await(long timeoutNanos) throws IOException {
        if (timeoutNanos <= 0) {
            selector.selectNow();
        } else {
            long ms = Math.max(1, (timeoutNanos + 999_999) / 1_000_000);
            selector.select(ms);
        }
        selector.selectedKeys().clear();
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
