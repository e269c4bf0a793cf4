package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Userspace to userspace over loopback through a channel that loses, duplicates and reorders. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LossyLoopbackTest {
    static final SctpConfig CFG = LoopbackTest.FAST.toBuilder().maxMessageBytes(64 * 1024)
            .associationMaxRetrans(30).pathMaxRetrans(30).maxInitRetransmits(30).build();

    final List<UdpSctpEndpoint> endpoints = new ArrayList<>();

    @AfterEach
    void close() {
        endpoints.forEach(UdpSctpEndpoint::close);
    }

    UdpSctpEndpoint endpoint(int sctpPort, boolean listen, Recorder rec, LossyDatagramIo[] ioOut, long seed,
            double loss, double dup, double reorder) throws Exception {
        LossyDatagramIo io = new LossyDatagramIo(
                ChannelDatagramIo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), seed, loss, dup,
                reorder);
        if (ioOut != null) {
            ioOut[0] = io;
        }
        UdpSctpEndpoint e = UdpSctpEndpoint.builder().datagramIo(io).sctpPort(sctpPort).listen(listen).config(CFG)
                .handler(rec).start();
        endpoints.add(e);
        return e;
    }

    /** Message i: a header (stream, index) and a deterministic body; some are 64 KiB. */
    static byte[] message(int stream, int i, Random r) {
        int size = i % 25 == 0 ? 64 * 1024 : 8 + r.nextInt(i % 7 == 0 ? 4000 : 300);
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(stream).putInt(i);
        while (b.hasRemaining()) {
            b.put((byte) (i * 31 + b.position()));
        }
        return b.array();
    }

    static void check(SctpMessage m, int[] expectedIndex) {
        ByteBuffer b = ByteBuffer.wrap(m.payload());
        int stream = b.getInt();
        int i = b.getInt();
        assertThat(stream).isEqualTo(m.streamId());
        if (!m.unordered()) {
            assertThat(i).as("in order on stream %d", stream).isEqualTo(expectedIndex[stream]);
            expectedIndex[stream]++;
        }
        while (b.hasRemaining()) {
            assertThat(b.get()).isEqualTo((byte) (i * 31 + b.position() - 1));
        }
    }

    @Test
    void whenLinkLosesDuplicatesAndReorders_thenEveryMessageArrivesOnceInOrderIncluding64KiB() throws Exception {
        Recorder serverRec = new Recorder(false);
        Recorder clientRec = new Recorder(false);
        LossyDatagramIo[] cio = new LossyDatagramIo[1];
        LossyDatagramIo[] sio = new LossyDatagramIo[1];
        UdpSctpEndpoint server = endpoint(38412, true, serverRec, sio, 1, 0.05, 0.03, 0.05);
        UdpSctpEndpoint client = endpoint(40001, false, clientRec, cio, 2, 0.05, 0.03, 0.05);
        Association a = client.connect(server.localAddress(), 38412).get(20, TimeUnit.SECONDS);
        Association s = serverRec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(10)) != null
                ? serverRec.lastAssociation : null;

        int n = 300;
        Random r = new Random(7);
        long sentBytes = 0;
        for (int i = 0; i < n; i++) {
            int stream = i % 4;
            byte[] m = message(stream, i / 4, r);
            sentBytes += m.length;
            sendBlocking(a, SctpMessage.ngap(stream, m));
            sendBlocking(s, SctpMessage.ngap(stream, message(stream, i / 4, r)));
        }
        int[] atServer = new int[16];
        int[] atClient = new int[16];
        for (int i = 0; i < n; i++) {
            check(serverRec.nextMessage(Duration.ofSeconds(30)), atServer);
            check(clientRec.nextMessage(Duration.ofSeconds(30)), atClient);
        }
        assertThat(serverRec.messages).isEmpty();
        assertThat(cio[0].dropped.get() + sio[0].dropped.get()).isPositive();
        assertThat(cio[0].duplicated.get() + sio[0].duplicated.get()).isPositive();
        assertThat(cio[0].reordered.get() + sio[0].reordered.get()).isPositive();
        assertThat(sentBytes).isGreaterThan(64 * 1024 * 3);

        a.shutdown();
        clientRec.awaitEvent(AssociationEvent.ShutdownComplete.class, Duration.ofSeconds(20));
    }

    static void sendBlocking(Association a, SctpMessage m) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!a.trySend(m)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("send buffer never drained");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void whenPeerVanishes_thenHeartbeatsDetectCommunicationLost() throws Exception {
        SctpConfig cfg = LoopbackTest.FAST.toBuilder().heartbeatInterval(Duration.ofMillis(50))
                .rtoMax(Duration.ofMillis(100)).associationMaxRetrans(3).pathMaxRetrans(2).build();
        Recorder serverRec = new Recorder(false);
        Recorder clientRec = new Recorder(false);
        LossyDatagramIo[] cio = new LossyDatagramIo[1];
        UdpSctpEndpoint server = UdpSctpEndpoint.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sctpPort(38412).listen(true)
                .config(cfg).handler(serverRec).start();
        endpoints.add(server);
        LossyDatagramIo io = new LossyDatagramIo(
                ChannelDatagramIo.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)), 3, 0, 0, 0);
        UdpSctpEndpoint client = UdpSctpEndpoint.builder().datagramIo(io).sctpPort(40002).config(cfg)
                .handler(clientRec).start();
        endpoints.add(client);
        client.connect(server.localAddress(), 38412).get(5, TimeUnit.SECONDS);
        serverRec.awaitEvent(AssociationEvent.Up.class, Duration.ofSeconds(5));
        // heartbeats flow and are answered while the path is up
        Thread.sleep(400);
        assertThat(serverRec.sawEvent(e -> e instanceof AssociationEvent.CommunicationLost)).isFalse();
        io.blackhole = true; // the client goes silent
        AssociationEvent.PeerAddressChanged unreachable = serverRec.awaitEvent(
                AssociationEvent.PeerAddressChanged.class, Duration.ofSeconds(10));
        assertThat(unreachable.state()).isEqualTo(AssociationEvent.PeerAddressState.UNREACHABLE);
        AssociationEvent.CommunicationLost lost = serverRec.awaitEvent(AssociationEvent.CommunicationLost.class,
                Duration.ofSeconds(10));
        assertThat(lost.reason()).isEqualTo(AssociationEvent.Reason.PEER_UNREACHABLE);
        assertThat(server.associations()).isEmpty();
    }
}
