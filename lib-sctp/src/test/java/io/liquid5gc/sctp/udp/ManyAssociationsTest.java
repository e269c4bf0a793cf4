package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.SctpMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One listening endpoint (the AMF side) serving many gNB associations at once. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ManyAssociationsTest {

    @Test
    void whenManyPeersConnect_thenEachAssociationIsServedSeparately() throws Exception {
        int gnbs = 40;
        int perGnb = 50;
        Recorder serverRec = new Recorder(true);
        List<UdpSctpEndpoint> clients = new ArrayList<>();
        List<Recorder> recs = new ArrayList<>();
        try (UdpSctpEndpoint server = UdpSctpEndpoint.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sctpPort(38412).listen(true)
                .initRateLimit(null) // many peers on one loopback address: beyond the default INIT rate
                .config(LoopbackTest.FAST).handler(serverRec).start()) {
            List<Association> assocs = new ArrayList<>();
            for (int g = 0; g < gnbs; g++) {
                Recorder r = new Recorder(false);
                UdpSctpEndpoint c = UdpSctpEndpoint.builder()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sctpPort(30000 + g)
                        .config(LoopbackTest.FAST).handler(r).start();
                clients.add(c);
                recs.add(r);
                assocs.add(c.connect(server.localAddress(), 38412).get(5, TimeUnit.SECONDS));
            }
            assertThat(server.associations()).hasSize(gnbs);
            assertThat(server.associations().stream().map(Association::id).distinct()).hasSize(gnbs);
            for (int i = 0; i < perGnb; i++) {
                for (int g = 0; g < gnbs; g++) {
                    byte[] p = ByteBuffer.allocate(200).putInt(g).putInt(i).array();
                    LossyLoopbackTest.sendBlocking(assocs.get(g), SctpMessage.ngap(i % 4, p));
                }
            }
            for (int g = 0; g < gnbs; g++) {
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < perGnb; i++) {
                    ByteBuffer b = ByteBuffer.wrap(recs.get(g).nextMessage(Duration.ofSeconds(10)).payload());
                    assertThat(b.getInt()).as("echo reaches the gNB that sent it").isEqualTo(g);
                    seen.add(b.getInt());
                }
                assertThat(seen).hasSize(perGnb);
            }
            for (Association a : assocs) {
                a.shutdown();
            }
            for (Recorder r : recs) {
                r.awaitEvent(AssociationEvent.ShutdownComplete.class, Duration.ofSeconds(10));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!server.associations().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.associations()).isEmpty();
        } finally {
            clients.forEach(UdpSctpEndpoint::close);
        }
    }

    @Test
    void whenOneEndpointOpensAssociationsFromManyLocalPorts_thenEachIsSeparate() throws Exception {
        // a RAN simulator: many gNBs over one socket and one I/O thread, told apart by SCTP port
        Recorder serverRec = new Recorder(true);
        Recorder clientRec = new Recorder(false);
        try (UdpSctpEndpoint server = UdpSctpEndpoint.builder()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sctpPort(38412).listen(true)
                .initRateLimit(null) // many peers on one loopback address: beyond the default INIT rate
                .config(LoopbackTest.FAST).handler(serverRec).start();
                UdpSctpEndpoint client = UdpSctpEndpoint.builder()
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sctpPort(40000)
                        .config(LoopbackTest.FAST).handler(clientRec).start()) {
            List<Association> assocs = new ArrayList<>();
            for (int g = 0; g < 50; g++) {
                assocs.add(client.connect(server.localAddress(), 38412, 41000 + g).get(5, TimeUnit.SECONDS));
            }
            assertThat(server.associations()).hasSize(50);
            for (int g = 0; g < 50; g++) {
                assocs.get(g).trySend(SctpMessage.ngap(0, ByteBuffer.allocate(4).putInt(g).array()));
            }
            for (int g = 0; g < 50; g++) {
                Recorder.Received r = clientRec.messages.poll(5, TimeUnit.SECONDS);
                assertThat(r).isNotNull();
                int index = assocs.indexOf(r.association());
                assertThat(ByteBuffer.wrap(r.message().payload()).getInt()).as("echo on its own association")
                        .isEqualTo(index);
            }
            assertThat(client.connect(server.localAddress(), 38412, 41000)).failsWithin(Duration.ofSeconds(5));
        }
    }
}
