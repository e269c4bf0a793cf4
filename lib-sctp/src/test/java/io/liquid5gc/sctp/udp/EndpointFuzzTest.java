package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import io.liquid5gc.sctp.wire.Crc32c;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Fuzzes the association engine: the input becomes the chunk area of a packet that carries the right
 * verification tag and ports for an established association (so it reaches the engine), sent to the
 * listening side after some traffic. Property: no input makes the engine throw (the endpoint counts
 * caught runtime exceptions as internal errors), and the endpoint keeps serving a second association.
 * Regression corpus: src/test/resources/io/liquid5gc/sctp/udp/EndpointFuzzTestInputs/.
 */
class EndpointFuzzTest {
    static final long S = 1_000_000_000L;

    @FuzzTest(maxDuration = "60s")
    void fuzzEstablishedAssociation(byte[] chunkArea) throws Exception {
        SimNet net = new SimNet(1);
        SctpConfig cfg = SctpConfig.builder().heartbeatInterval(Duration.ofSeconds(1)).maxMessageBytes(8192)
                .receiveBufferBytes(16384).build();
        Recorder serverRec = new Recorder(true);
        UdpSctpEndpoint server = net.endpoint(UdpSctpEndpoint.builder().sctpPort(38412).listen(true).config(cfg)
                .handler(serverRec), 9899);
        UdpSctpEndpoint client = net.endpoint(UdpSctpEndpoint.builder().sctpPort(40000).config(cfg)
                .handler(new Recorder(false)), 5000);
        UdpSctpEndpoint other = net.endpoint(UdpSctpEndpoint.builder().sctpPort(40001).config(cfg)
                .handler(new Recorder(false)), 5001);
        CompletableFuture<Association> f = client.connect(server.localAddress(), 38412);
        net.runUntil(f::isDone, 10 * S);
        Association a = f.join();
        a.trySend(SctpMessage.ngap(0, new byte[3000]));
        a.trySend(SctpMessage.ngap(1, new byte[10]));
        net.runUntil(() -> serverRec.messages.size() == 2, 10 * S);
        UdpAssociation s = (UdpAssociation) server.associations().iterator().next();

        byte[] packet = new byte[12 + chunkArea.length];
        packet[0] = (byte) (40000 >>> 8);
        packet[1] = (byte) 40000;
        packet[2] = (byte) (38412 >>> 8);
        packet[3] = (byte) 38412;
        int tag = s.core.localTag;
        packet[4] = (byte) (tag >>> 24);
        packet[5] = (byte) (tag >>> 16);
        packet[6] = (byte) (tag >>> 8);
        packet[7] = (byte) tag;
        System.arraycopy(chunkArea, 0, packet, 12, chunkArea.length);
        new Crc32c().stamp(packet, 0, packet.length);
        net.inject(client.localAddress(), server.localAddress(), packet);
        net.runUntil(() -> false, 5 * S);

        assertThat(server.internalErrors).as("engine threw: %s", server.lastInternalError).isZero();
        assertThat(client.internalErrors).as("peer engine threw: %s", client.lastInternalError).isZero();
        CompletableFuture<Association> g = other.connect(server.localAddress(), 38412);
        assertThat(net.runUntil(g::isDone, 30 * S)).as("endpoint still accepts associations").isTrue();
        assertThat(g).isCompleted();
        server.close();
        client.close();
        other.close();
    }
}
