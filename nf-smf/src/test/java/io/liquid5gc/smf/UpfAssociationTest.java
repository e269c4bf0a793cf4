package io.liquid5gc.smf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import io.liquid5gc.pfcp.DecodeResult;
import io.liquid5gc.pfcp.NodeMessage;
import io.liquid5gc.pfcp.PfcpCodec;
import org.junit.jupiter.api.Test;

/** The SMF's side of the association without a UPF: what it sends first, and a clear error when it cannot bind. */
class UpfAssociationTest {

    private static SmfProperties properties(String smfN4, int upfPort) {
        return new SmfProperties(Map.of(), new SmfProperties.Upf("upf-x", "127.0.0.8", "127.0.0.1", null, null), smfN4, null, null, null,
                new SmfProperties.N4(true, Duration.ofMillis(300), 1, Duration.ofSeconds(1), upfPort));
    }

    @Test
    void whenTheN4AddressIsNotOfThisHost_thenTheStartFailsNamingTheKey() {
        assertThatThrownBy(() -> new UpfAssociations(properties("192.0.2.1", 18805), Clock.systemUTC(), new SimpleMeterRegistry()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("liquid5gc.smf.n4-address 192.0.2.1");
    }

    @Test
    void whenStarted_thenItAsksForAnAssociationWithItsNodeIdAndKeepsAskingWhileUnanswered() throws Exception {
        // the "UPF" is a plain socket on the same port and host: the SMF binds 127.0.0.2, the UPF 127.0.0.1
        try (DatagramSocket fakeUpf = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            int port = fakeUpf.getLocalPort();
            try (UpfAssociations a = new UpfAssociations(properties("127.0.0.2", port), Clock.systemUTC(), new SimpleMeterRegistry())) {
                a.start();
                fakeUpf.setSoTimeout(30_000);
                DatagramPacket in = new DatagramPacket(new byte[1500], 1500);
                int setups = 0;
                while (setups < 3) {
                    fakeUpf.receive(in);
                    var r = PfcpCodec.decode(Arrays.copyOf(in.getData(), in.getLength()));
                    assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
                    var m = ((DecodeResult.Decoded) r).message();
                    assertThat(m).isInstanceOf(NodeMessage.AssociationSetupRequest.class);
                    assertThat(((NodeMessage.AssociationSetupRequest) m).nodeId().address()).isEqualTo(InetAddress.getByName("127.0.0.2"));
                    setups++;
                }
                assertThat(a.of("upf-x").orElseThrow().state()).isEqualTo(UpfAssociation.State.ASSOCIATING);
                assertThat(a.associated("upf-x")).isFalse();
                assertThat(a.of("upf-x").orElseThrow().request(seq -> null)).isCompletedExceptionally();
            }
        }
    }
}
