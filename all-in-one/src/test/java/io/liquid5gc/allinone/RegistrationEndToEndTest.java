package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * UEs register with the all-in-one core over N2 the way a RAN does it: a simulated gNB on SCTP over UDP (loopback),
 * NGAP and NAS on the wire, 5G AKA against the provisioned default subscribers (AMF -> AUSF -> UDM -> UDR), NAS
 * security mode with NIA2/NEA2, Initial Context Setup with KgNB, Registration Complete.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RegistrationEndToEndTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<SNssai> SLICE = List.of(new SNssai(1, 0x010203));
    private static final List<io.liquid5gc.nas.ie.SNssai> REQUESTED = List.of(io.liquid5gc.nas.ie.SNssai.of(1, 0x010203));

    @Autowired
    N2Server n2;

    private SimGnb gnb;

    @BeforeEach
    void connectGnb() throws Exception {
        gnb = new SimGnb("001", "01", 1, 0x11, SLICE);
        assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
    }

    @AfterEach
    void closeGnb() {
        gnb.close();
    }

    @Test
    void whenTheDefaultSubscriberRegisters_thenItGetsAGutiTheSliceAndTheSameKgnbAsTheGnb() throws Exception {
        SimUe ue = new SimUe(1, "001", "01", "0000000001", K, OPC, REQUESTED);
        SimUe.Registration r = ue.register(gnb).get(20, TimeUnit.SECONDS);
        assertThat(r.registered()).as("registered").isTrue();
        assertThat(r.guti()).isNotBlank();
        assertThat(r.allowedNssai()).extracting(s -> s.sst()).containsExactly(1);
        assertThat(ue.kgnbAtGnb()).as("KgNB of the Initial Context Setup").isEqualTo(r.kgnb());
    }

    @Test
    void whenTheUeHasTheWrongKey_thenItIsNotRegistered() throws Exception {
        SimUe ue = new SimUe(2, "001", "01", "0000000002", Hex.decode("000102030405060708090a0b0c0d0e0f"), OPC, REQUESTED);
        SimUe.Registration r = ue.register(gnb).get(20, TimeUnit.SECONDS);
        assertThat(r.registered()).isFalse();
    }

    @Test
    void whenTheSubscriberIsUnknown_thenRegistrationRejectCause7() throws Exception {
        SimUe ue = new SimUe(3, "001", "01", "0000099999", K, OPC, REQUESTED);
        SimUe.Registration r = ue.register(gnb).get(20, TimeUnit.SECONDS);
        assertThat(r.registered()).isFalse();
        assertThat(r.rejectCause()).isEqualTo(7);
    }

    @Test
    void whenFiftyUesRegisterAtOnce_thenAllSucceedWithDistinctGutis() throws Exception {
        List<CompletableFuture<SimUe.Registration>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String msin = String.format("%010d", 100 + i);
            all.add(new SimUe(1000 + i, "001", "01", msin, K, OPC, REQUESTED).register(gnb));
        }
        Set<String> gutis = new HashSet<>();
        for (CompletableFuture<SimUe.Registration> f : all) {
            SimUe.Registration r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.registered()).isTrue();
            gutis.add(r.guti());
        }
        assertThat(gutis).hasSize(50);
    }
}
