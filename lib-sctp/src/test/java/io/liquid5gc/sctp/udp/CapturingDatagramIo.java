package io.liquid5gc.sctp.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every datagram sent and received (for pcap files and chunk statistics in tests). */
final class CapturingDatagramIo implements DatagramIo {
    private final DatagramIo inner;
    final InetSocketAddress local;
    final List<PcapWriter.Datagram> captured = Collections.synchronizedList(new ArrayList<>());

    CapturingDatagramIo(DatagramIo inner) throws IOException {
        this.inner = inner;
        InetSocketAddress l = inner.localAddress();
        this.local = l.getAddress().isAnyLocalAddress()
                ? new InetSocketAddress(InetAddress.getLoopbackAddress(), l.getPort()) : l;
    }

    @Override
    public void send(ByteBuffer datagram, InetSocketAddress target) throws IOException {
        byte[] copy = new byte[datagram.remaining()];
        datagram.duplicate().get(copy);
        captured.add(new PcapWriter.Datagram(System.currentTimeMillis() * 1_000_000L, local, target, copy));
        inner.send(datagram, target);
    }

    @Override
    public InetSocketAddress receive(ByteBuffer dst) throws IOException {
        int start = dst.position();
        InetSocketAddress from = inner.receive(dst);
        if (from != null) {
            byte[] copy = new byte[dst.position() - start];
            dst.duplicate().position(start).get(copy);
            captured.add(new PcapWriter.Datagram(System.currentTimeMillis() * 1_000_000L, from, local, copy));
        }
        return from;
    }

    @Override
    public void await(long timeoutNanos) throws IOException {
        inner.await(timeoutNanos);
    }

    @Override
    public void wakeup() {
        inner.wakeup();
    }

    @Override
    public InetSocketAddress localAddress() throws IOException {
        return inner.localAddress();
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
