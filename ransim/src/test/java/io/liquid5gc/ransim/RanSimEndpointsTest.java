package io.liquid5gc.ransim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RanSimEndpointsTest {

    @Test
    void whenCoreListsTwoAmfEndpoints_thenTheGnbGetsBoth() {
        assertThat(RanSim.endpoints("127.0.0.1:9899, 127.0.0.1:9900"))
                .containsExactly(new InetSocketAddress("127.0.0.1", 9899), new InetSocketAddress("127.0.0.1", 9900));
    }

    @Test
    void whenAnEndpointHasNoPort_thenTheErrorNamesIt() {
        assertThatThrownBy(() -> RanSim.endpoints("127.0.0.1:9899,proxy-2")).hasMessageContaining("'proxy-2'");
    }

    @Test
    void whenSeveralEndpointsWithKernelSctp_thenRefused() {
        assertThatThrownBy(() -> new RanSim.Options(new InetSocketAddress("127.0.0.1", 38412), "001", "01", "0000000001", 1, 1, 0,
                new byte[16], new byte[16], 1, io.liquid5gc.nas.ie.SNssai.of(1), java.time.Duration.ofSeconds(1), false, true,
                RanSim.Scenario.REGISTER, 1, "internet", SimUe.SuciProtection.NULL_SCHEME, null,
                java.util.List.of(new InetSocketAddress("127.0.0.1", 38413)))).hasMessageContaining("SCTP over UDP");
    }
}
