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
import io.liquid5gc.security.Hex;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * User data end to end: the all-in-one core with N4 on drives a real UPF (Open5GS's, in its own namespace); simulated
 * UEs register, open a PDU session, and ping the data network from their addresses through the gNB's N3 side and the
 * UPF. Skips only without root, namespaces or the UPF build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UserPlaneEndToEndTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<SNssai> SLICE = List.of(new SNssai(1, 0x010203));
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    private static Open5gsUpf upf;

    @BeforeAll
    static void startUpf() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start("e2eup", 33);
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
        r.add("liquid5gc.smf.n4.t1", () -> "1s");
    }

    @Autowired
    N2Server n2;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("stateStore")
    io.liquid5gc.runtime.store.KeyValueStore store;

    @Test
    void whenUesOpenPduSessions_thenTheirPingsCrossTheRealUpf() throws Exception {
        for (int i = 0; i < 600 && meters.find("liquid5gc.smf.n4.association").gauge().value() != 1; i++) {
            Thread.sleep(100);
        }
        assertThat(meters.find("liquid5gc.smf.n4.association").gauge().value()).as("associated with the UPF").isEqualTo(1);
        try (GnbUserPlane n3 = GnbUserPlane.bind(new InetSocketAddress(upf.gnbN3Address(), 2152));
             SimGnb gnb = new SimGnb("001", "01", 1, 0x61, SLICE)) {
            gnb.attachUserPlane(n3);
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            List<SimUe> ues = new ArrayList<>();
            for (int n = 601; n < 611; n++) {
                SimUe ue = new SimUe(n, "001", "01", String.format("%010d", n), K, OPC, List.of(NAS_SLICE));
                assertThat(ue.register(gnb).get(60, TimeUnit.SECONDS).registered()).isTrue();
                SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(60, TimeUnit.SECONDS);
                assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
                ues.add(ue);
            }
            List<UserPlanePing.Result> results = new ArrayList<>();
            for (SimUe ue : ues) {
                UserPlanePing.Result r = UserPlanePing.ping(gnb, ue, 1, (Inet4Address) upf.dnAddress(), 5, Duration.ofMillis(20),
                        Duration.ofSeconds(10));
                assertThat(r.received()).as("%s: %s; %s", ue.supi(), r, upf.logText()).isPositive();
                results.add(r);
            }
            SimUe first = ues.getFirst();
            assertThat(first.releaseSession(1).get(60, TimeUnit.SECONDS)).isNotNull();
            // usage-based charging: the UPF's final usage report (URR 1) went to the CHF at release, which took the
            // measured octets off the subscriber's balance: 44-octet echo requests up, as many replies down
            long expected = 44L * (results.getFirst().sent() + results.getFirst().received());
            long balance = Long.parseLong(new String(store.get("chf/balance/" + first.supi() + "/1").orElseThrow()).trim());
            assertThat(10_000_000_000L - balance).as("octets charged").isEqualTo(expected);
            assertThat(meters.find("liquid5gc.smf.n4.messages").tag("kind", "deletion").tag("cause", "REQUEST_ACCEPTED").counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void whenRansimRunsPingTraffic_thenEveryUeGetsRepliesAndTheReportHasRtts() throws Exception {
        for (int i = 0; i < 600 && meters.find("liquid5gc.smf.n4.association").gauge().value() != 1; i++) {
            Thread.sleep(100);
        }
        var traffic = new io.liquid5gc.ransim.RanSim.Traffic(new InetSocketAddress(upf.gnb2N3Address(), 2152),
                (Inet4Address) upf.dnAddress(), 10, Duration.ofMillis(20));
        var o = new io.liquid5gc.ransim.RanSim.Options(n2.udpAddress(), "001", "01", "0000000701", 20, 10, 0, K, OPC, 1, NAS_SLICE,
                Duration.ofSeconds(60), false, false, io.liquid5gc.ransim.RanSim.Scenario.SESSION, 1, "internet",
                SimUe.SuciProtection.NULL_SCHEME, traffic);
        io.liquid5gc.ransim.LoadReport report = io.liquid5gc.ransim.RanSim.run(o);
        System.out.println("ransim --traffic ping, 20 UEs x 10 pings through the real UPF:\n" + report.table());
        assertThat(report.failures()).as(report.table()).isZero();
        assertThat(report.sessionSuccesses()).isEqualTo(20);
        assertThat(report.pingReplies()).as(report.table()).isGreaterThanOrEqualTo(190);
        assertThat(report.pingQuantileMillis(0.5)).isPositive();
    }

    @Test
    void whenDownlinkDataArrivesForAnIdleUe_thenItIsPagedAndTheBufferedPacketIsDeliveredAfterItsServiceRequest() throws Exception {
        // TS 23.502 4.2.3.3: UPF buffers and reports (Session Report DLDR), SMF tells the AMF, AMF pages, the UE's Service
        // Request re-activates the session, the SMF switches the downlink FAR to forward, the UPF flushes its buffer
        for (int i = 0; i < 600 && meters.find("liquid5gc.smf.n4.association").gauge().value() != 1; i++) {
            Thread.sleep(100);
        }
        try (GnbUserPlane n3 = GnbUserPlane.bind(new InetSocketAddress(upf.gnbN3Address(), 2152));
             SimGnb gnb = new SimGnb("001", "01", 1, 0x62, SLICE)) {
            gnb.attachUserPlane(n3);
            assertThat(gnb.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(651, "001", "01", "0000000651", K, OPC, List.of(NAS_SLICE));
            assertThat(ue.register(gnb).get(60, TimeUnit.SECONDS).registered()).isTrue();
            SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(60, TimeUnit.SECONDS);
            assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
            // AN release (TS 23.502 4.2.6): the UE goes CM-IDLE, the UPF buffers its downlink (FAR BUFF|NOCP)
            gnb.releaseToIdle(ue).get(60, TimeUnit.SECONDS);
            ue.connectionReleased().get(60, TimeUnit.SECONDS);
            int pagedBefore = gnb.pagings().size();
            // the data network sends the UE a UDP datagram (from inside the UPF's namespace; python3 is upf.sh's too)
            Process ping = new ProcessBuilder("ip", "netns", "exec", "o5e2eup", "python3", "-c",
                    "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'liquid5gc-downlink', ('" + s.address() + "', 9))")
                    .redirectErrorStream(true).start();
            assertThat(ping.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ping.exitValue()).as(new String(ping.getInputStream().readAllBytes())).isZero();
            try {
                for (int i = 0; i < 600 && gnb.pagings().size() == pagedBefore; i++) {
                    Thread.sleep(100);
                }
                assertThat(gnb.pagings()).as("PAGING for the downlink data (TS 23.502 4.2.3.3)").hasSizeGreaterThan(pagedBefore);
                assertThat(ue.serviceRequest(gnb).get(60, TimeUnit.SECONDS)).containsExactly(1);
                byte[] delivered = null;
                for (int i = 0; i < 600 && delivered == null; i++) {
                    delivered = gnb.downlinkDelivered(ue, 1).stream()
                            .filter(p -> p.length >= 28 && p[9] == 17 && new String(p, 28, p.length - 28).equals("liquid5gc-downlink"))
                            .findFirst().orElse(null);
                    Thread.sleep(delivered == null ? 100 : 0);
                }
                assertThat(delivered).as("the buffered datagram reaches the gNB after the service request; " + upf.logText()).isNotNull();
                assertThat(java.net.InetAddress.getByAddress(java.util.Arrays.copyOfRange(delivered, 16, 20)).getHostAddress())
                        .isEqualTo(s.address());
            } finally {
                ping.destroy();
            }
        }
    }

    /** The data network sends the UE a UDP datagram from inside the UPF's namespace. */
    private static void sendFromDataNetwork(String ue, String text) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", "o5e2eup", "python3", "-c",
                "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'" + text + "', ('" + ue + "', 9))")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    private static boolean delivered(SimGnb gnb, SimUe ue, String text) {
        return gnb.downlinkDelivered(ue, 1).stream()
                .anyMatch(p -> p.length >= 28 && p[9] == 17 && new String(p, 28, p.length - 28).equals(text));
    }

    @Test
    void whenAUeIsHandedOverWithIndirectForwarding_thenDownlinkDuringTheHandoverReachesTheTargetOverTheUpfAndThenDirectly() throws Exception {
        // TS 23.502 4.9.1.3.2-3: the target accepts data forwarding, the SMF sets the UPF's indirect forwarding tunnel,
        // the source forwards what still reaches it there, the UPF passes it to the target; at Handover Notify the
        // downlink moves to the target (End Marker to the source)
        for (int i = 0; i < 600 && meters.find("liquid5gc.smf.n4.association").gauge().value() != 1; i++) {
            Thread.sleep(100);
        }
        try (GnbUserPlane n3a = GnbUserPlane.bind(new InetSocketAddress(upf.gnbN3Address(), 2152));
             GnbUserPlane n3b = GnbUserPlane.bind(new InetSocketAddress(upf.gnb2N3Address(), 2152));
             SimGnb source = new SimGnb("001", "01", 1, 0x63, SLICE);
             SimGnb target = new SimGnb("001", "01", 1, 0x64, SLICE)) {
            source.attachUserPlane(n3a);
            target.attachUserPlane(n3b);
            assertThat(source.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            assertThat(target.connect(n2.udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(661, "001", "01", "0000000661", K, OPC, List.of(NAS_SLICE));
            assertThat(ue.register(source).get(60, TimeUnit.SECONDS).registered()).isTrue();
            SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(60, TimeUnit.SECONDS);
            assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();

            java.util.concurrent.CompletableFuture<Void> arrival = new java.util.concurrent.CompletableFuture<>();
            var done = source.handover(ue, target, arrival);
            source.handoverCommanded(ue).get(60, TimeUnit.SECONDS);
            sendFromDataNetwork(s.address(), "liquid5gc-forwarded");
            for (int i = 0; i < 600 && !delivered(target, ue, "liquid5gc-forwarded"); i++) {
                Thread.sleep(100);
            }
            assertThat(delivered(target, ue, "liquid5gc-forwarded")).as("forwarded by the source over the UPF to the target; %s",
                    upf.logText()).isTrue();
            assertThat(source.forwardedDownlink()).isPositive();
            assertThat(delivered(source, ue, "liquid5gc-forwarded")).as("not delivered at the source").isFalse();

            arrival.complete(null);
            done.get(60, TimeUnit.SECONDS);
            int forwardedBefore = source.forwardedDownlink();
            sendFromDataNetwork(s.address(), "liquid5gc-direct");
            for (int i = 0; i < 600 && !delivered(target, ue, "liquid5gc-direct"); i++) {
                Thread.sleep(100);
            }
            assertThat(delivered(target, ue, "liquid5gc-direct")).as("straight to the target after the handover").isTrue();
            assertThat(source.forwardedDownlink()).as("no longer through the source").isEqualTo(forwardedBefore);
            assertThat(n3a.signalling()).as("End Marker to the source (TS 29.281 7.3.2)")
                    .anyMatch(sig -> sig.message() instanceof io.liquid5gc.gtpu.GtpuMessage.EndMarker);
        }
    }
}
