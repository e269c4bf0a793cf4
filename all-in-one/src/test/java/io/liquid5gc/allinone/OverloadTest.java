package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.OverloadAction;
import io.liquid5gc.ngap.ie.OverloadResponse;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.Overload;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * AMF overload control end to end (TS 38.413 8.7.6/8.7.7, TS 24.501 5.5.1.2.5): with the start level at one AMF call
 * in flight, the first registration makes the core overloaded. The gNB gets OVERLOAD START; the UE that was already
 * being served registers and opens a PDU session; a new UE's registration is refused with 5GMM #22 (congestion) and
 * T3346, before any function runs; when the overload is over the gNB gets OVERLOAD STOP and new UEs register again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "liquid5gc.proxy.overload.start-in-flight=1", "liquid5gc.proxy.overload.stop-in-flight=0",
        // long enough that the refused registration surely falls inside it on a slow machine
        "liquid5gc.proxy.overload.min-duration=20s", "liquid5gc.proxy.overload.back-off=90s",
        "liquid5gc.proxy.overload.traffic-load-reduction=30"})
class OverloadTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<io.liquid5gc.nas.ie.SNssai> REQUESTED = List.of(io.liquid5gc.nas.ie.SNssai.of(1, 0x010203));

    @Autowired
    N2Server n2;

    @Test
    void whenTheAmfIsOverloaded_thenGnbsAreToldNewRegistrationsBackOffWithCause22AndServedUesCarryOn() throws Exception {
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x41, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe served = new SimUe(1, "001", "01", "0000000031", K, OPC, REQUESTED);
            assertThat(served.register(gnb).get(60, TimeUnit.SECONDS).registered()).isTrue();
            assertThat(gnb.amfIndications()).first().isEqualTo(Overload.Start.of(
                    new OverloadResponse.Action(OverloadAction.REJECT_RRC_CR_SIGNALLING), 30));

            SimUe.Registration refused = new SimUe(2, "001", "01", "0000000032", K, OPC, REQUESTED).register(gnb)
                    .get(60, TimeUnit.SECONDS);
            assertThat(refused.registered()).isFalse();
            assertThat(refused.rejectCause()).as("5GMM cause congestion").isEqualTo(22);

            SimUe.Session session = served.establishSession(1, "internet", REQUESTED.getFirst()).get(60, TimeUnit.SECONDS);
            assertThat(session.established()).as("a UE already served keeps its service: %s", session.failure()).isTrue();

            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (gnb.amfIndications().stream().noneMatch(Overload.Stop.class::isInstance) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(gnb.amfIndications()).last().isInstanceOf(Overload.Stop.class);
            // the next registration overloads the core again (start level 1), but it is admitted: it came first
            assertThat(new SimUe(3, "001", "01", "0000000033", K, OPC, REQUESTED).register(gnb).get(60, TimeUnit.SECONDS)
                    .registered()).isTrue();
        }
    }
}
