package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.GnbUserPlane;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.ransim.UserPlanePing;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.security.Hex;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Usage-based charging during the session: with a volume threshold of 1,000 octets, the real UPF (Open5GS's) reports
 * usage as a UE pings (Session Report, USAR), the SMF sends each report to the CHF as a charging update, the
 * subscriber's balance goes down while the session is up, and after the release the CHF has charged exactly the
 * octets that crossed the UPF. Skips only without root, namespaces or the UPF build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UsageReportingEndToEndTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    private static final long QUOTA = 10_000_000_000L;
    private static Open5gsUpf upf;

    @BeforeAll
    static void startUpf() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start("e2eurr", 36);
    }

    @AfterAll
    static void stopUpf() throws Exception {
        if (upf != null) {
            upf.close();
        }
    }

    @DynamicPropertySource
    static void n4(DynamicPropertyRegistry r) {
        r.add("liquid5gc.smf.n4.enabled", () -> "true");
        r.add("liquid5gc.smf.n4-address", () -> upf.smfN4Address().getHostAddress());
        r.add("liquid5gc.smf.upf.n4-address", () -> upf.pfcpAddress().getHostAddress());
        r.add("liquid5gc.smf.upf.n3-address", () -> upf.n3Address().getHostAddress());
        r.add("liquid5gc.smf.charging.requested-volume", () -> "1000");
    }

    @Autowired
    N2Server n2;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("stateStore")
    KeyValueStore store;

    private long charged(String supi) {
        return store.get("chf/balance/" + supi + "/1").map(b -> QUOTA - Long.parseLong(new String(b).trim())).orElse(0L);
    }

    @Test
    void whenAUeSendsMoreThanTheThreshold_thenTheUpfsReportsAreChargedDuringTheSessionAndExactlyInTheEnd() throws Exception {
        for (int i = 0; i < 600 && meters.find("liquid5gc.smf.n4.association").gauge().value() != 1; i++) {
            Thread.sleep(100);
        }
        try (GnbUserPlane n3 = GnbUserPlane.bind(new InetSocketAddress(upf.gnbN3Address(), 2152));
             SimGnb gnb = new SimGnb("001", "01", 1, 0x63, List.of(new SNssai(1, 0x010203)))) {
            gnb.attachUserPlane(n3);
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(661, "001", "01", "0000000661", K, OPC, List.of(NAS_SLICE));
            assertThat(ue.register(gnb).get(60, TimeUnit.SECONDS).registered()).isTrue();
            assertThat(ue.establishSession(1, "internet", NAS_SLICE).get(60, TimeUnit.SECONDS).established()).isTrue();

            UserPlanePing.Result r = UserPlanePing.ping(gnb, ue, 1, (Inet4Address) upf.dnAddress(), 40, Duration.ofMillis(10),
                    Duration.ofSeconds(10));
            long crossed = 44L * (r.sent() + r.received());
            assertThat(crossed).isGreaterThan(2_000);
            for (int i = 0; i < 300 && charged(ue.supi()) == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(charged(ue.supi())).as("charged from the UPF's threshold reports while the session is up")
                    .isPositive().isLessThanOrEqualTo(crossed);

            ue.releaseSession(1).get(60, TimeUnit.SECONDS);
            for (int i = 0; i < 300 && charged(ue.supi()) != crossed; i++) {
                Thread.sleep(100);
            }
            assertThat(charged(ue.supi())).as("after the release: every octet, once").isEqualTo(crossed);
        }
    }
}
