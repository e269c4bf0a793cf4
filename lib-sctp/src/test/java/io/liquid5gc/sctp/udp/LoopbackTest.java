package io.liquid5gc.sctp.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sctp.Association;
import io.liquid5gc.sctp.AssociationEvent;
import io.liquid5gc.sctp.AssociationState;
import io.liquid5gc.sctp.SctpConfig;
import io.liquid5gc.sctp.SctpMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoopbackTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final SctpConfig FAST = SctpConfig.builder().rtoInitial(Duration.ofMillis(100)).rtoMin(Duration.ofMillis(50))
            .rtoMax(Duration.ofMillis(400)).heartbeatInterval(Duration.ofMillis(200)).sackDelay(Duration.ofMillis(20))
            .build();

    UdpSctpEndpoint server;
    UdpSctpEndpoint client;

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    void whenClientConnects_thenMessagesFlowBothWaysAndShutdownCompletes() throws Exception {
        Recorder serverRec = new Recorder(true);
        Recorder clientRec = new Recorder(false);
        server = UdpSctpEndpoint.builder().bind(loopback()).sctpPort(38412).listen(true).config(FAST)
                .handler(serverRec).start();
        client = UdpSctpEndpoint.builder().bind(loopback()).sctpPort(40000).config(FAST).handler(clientRec).start();

        Association a = client.connect(server.localAddress(), 38412).get(5, TimeUnit.SECONDS);
        assertThat(a.state()).isEqualTo(AssociationState.ESTABLISHED);
        assertThat(a.outboundStreams()).isEqualTo(16);
        serverRec.awaitEvent(AssociationEvent.Up.class, WAIT);

        byte[] payload = "hello NGAP".getBytes();
        assertThat(a.trySend(SctpMessage.ngap(3, payload))).isTrue();
        SctpMessage atServer = serverRec.nextMessage(WAIT);
        assertThat(atServer.payload()).isEqualTo(payload);
        assertThat(atServer.ppid()).isEqualTo(60);
        assertThat(atServer.streamId()).isEqualTo(3);
        SctpMessage echoed = clientRec.nextMessage(WAIT);
        assertThat(echoed.payload()).isEqualTo(payload);

        a.shutdown();
        clientRec.awaitEvent(AssociationEvent.ShutdownComplete.class, WAIT);
        serverRec.awaitEvent(AssociationEvent.ShutdownComplete.class, WAIT);
        assertThat(a.state()).isEqualTo(AssociationState.CLOSED);
        assertThat(server.associations()).isEmpty();
    }
}
