package io.liquid5gc.smf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.gtpu.DecodeResult;
import io.liquid5gc.gtpu.GtpuCodec;
import io.liquid5gc.gtpu.GtpuHeader;
import io.liquid5gc.gtpu.GtpuMessage;
import io.liquid5gc.gtpu.Icmp;
import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.gtpu.PduSessionContainer;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.pcf.Arp;
import io.liquid5gc.sbi.smf.N4Session;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * N4 with a real UPF (Open5GS's, in its own namespace): the SMF associates, establishes a PDU session's rules, sets the
 * gNB's downlink tunnel, and a ping from the UE's address crosses the UPF; the UPF is killed and started again (a new
 * Recovery Time Stamp): the SMF notices, associates again and restores the session, and the ping passes again; the
 * release deletes it. Skips only without root, namespaces or the UPF build.
 */
class N4UpfTest {

    private static final String NAME = "smfn4";
    private static final int SUBNET = 32;
    private Open5gsUpf upf;
    private UpfAssociations association;

    @BeforeEach
    void startUpf() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start(NAME, SUBNET);
    }

    @AfterEach
    void stopUpf() throws Exception {
        if (association != null) {
            association.close();
        }
        if (upf != null) {
            upf.close();
        }
    }

    private SmfProperties properties() {
        return new SmfProperties(Map.of("internet", "10.45.0.0/16"),
                new SmfProperties.Upf("upf-test", upf.n3Address().getHostAddress(), upf.pfcpAddress().getHostAddress(), null, null),
                upf.smfN4Address().getHostAddress(), null, null, null,
                new SmfProperties.N4(true, Duration.ofMillis(500), 3, Duration.ofSeconds(1), null));
    }

    private static void awaitAssociated(UpfAssociations a) throws InterruptedException {
        for (int i = 0; i < 600 && !a.associated("upf-test"); i++) {
            Thread.sleep(100);
        }
        assertThat(a.associated("upf-test")).isTrue();
    }

    private SmContext context(long ulTeid) {
        return new SmContext("ctx-n4", "imsi-001010000000001", 1, "internet", null, "IPV4", "SSC_MODE_1", null, "amf-1",
                "3GPP_ACCESS", "10.45.0.2", 1, ulTeid, 0x51, "pol-1", new Ambr("100 Mbps", "200 Mbps"),
                List.of(new SmContext.QosFlow(9, 9, new Arp(8, "NOT_PREEMPT", "PREEMPTABLE"), null, null, true)),
                null, "ACTIVATING", false, null, null, Clock.systemUTC().instant(), "upf-test", null);
    }

    /** Pings the data network from the UE's address through the UL tunnel; true when the reply comes back in the gNB's. */
    private boolean pingThroughUpf(long ulTeid, long gnbTeid) throws Exception {
        Inet4Address ue = (Inet4Address) InetAddress.getByName("10.45.0.2");
        try (DatagramSocket n3 = new DatagramSocket(new InetSocketAddress(upf.gnbN3Address(), GtpuCodec.PORT))) {
            n3.setSoTimeout(500);
            for (int ping = 1; ping <= 40; ping++) {
                byte[] g = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(ulTeid, PduSessionContainer.uplink(9)),
                        Icmp.echoRequest(ue, (Inet4Address) upf.dnAddress(), 7, ping)));
                n3.send(new DatagramPacket(g, g.length, new InetSocketAddress(upf.n3Address(), GtpuCodec.PORT)));
                DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
                try {
                    n3.receive(in);
                } catch (SocketTimeoutException retry) {
                    continue;
                }
                if (GtpuCodec.decode(in.getData(), 0, in.getLength()) instanceof DecodeResult.Decoded d
                        && d.message() instanceof GtpuMessage.GPdu pdu && pdu.header().teid() == gnbTeid
                        && Icmp.isEchoReply(pdu.tpdu(), 7, ping)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void whenSmfDrivesTheRealUpf_thenPingsPassAndTheSessionSurvivesAUpfRestart() throws Exception {
        SmfProperties props = properties();
        var store = new InMemoryKeyValueStore(Clock.systemUTC());
        var json = new JsonMapper();
        SmContextStore contexts = new SmContextStore(store, json);
        var meters = new SimpleMeterRegistry();
        association = new UpfAssociations(props, Clock.systemUTC(), meters);
        N4Sessions n4 = new N4Sessions(store, json, props, meters, association);
        association.onUpfRestart(nodeId -> n4.restoreAll(contexts, nodeId));
        association.start();
        awaitAssociated(association);

        long ulTeid = 0x4242;
        SmContext ctx = context(ulTeid);
        assertThat(contexts.create(ctx)).isTrue();
        N4Session established = n4.establish(ctx);
        assertThat(established.sent()).isTrue();
        assertThat(established.upSeid()).isNotNull();

        SmContext active = contexts.update(ctx.smContextRef(),
                c -> c.withDownlink(new UpTransportLayerInformation(upf.gnbN3Address().getHostAddress(), "00007001"), "ACTIVATED")).orElseThrow();
        assertThat(n4.modify(active).version()).isEqualTo(2);
        assertThat(pingThroughUpf(ulTeid, 0x7001)).as(upf.logText()).isTrue();

        // the UPF dies and comes back with a new Recovery Time Stamp and no sessions (Open5GS's stamp has 1 s resolution)
        long restoredBefore = meters.find("liquid5gc.smf.n4.messages").tag("kind", "establishment").counters().stream()
                .mapToLong(c -> (long) c.count()).sum();
        upf.close();
        Thread.sleep(1100);
        upf = Open5gsUpf.start(NAME, SUBNET);
        for (int i = 0; i < 600 && meters.find("liquid5gc.smf.n4.messages").tag("kind", "establishment").counters().stream()
                .mapToLong(c -> (long) c.count()).sum() == restoredBefore; i++) {
            Thread.sleep(100);
        }
        awaitAssociated(association);
        assertThat(n4.find(ctx.smContextRef()).orElseThrow().upSeid()).isNotNull();
        assertThat(pingThroughUpf(ulTeid, 0x7001)).as("after the restore; " + upf.logText()).isTrue();

        n4.delete(ctx.smContextRef());
        assertThat(n4.find(ctx.smContextRef())).isEmpty();
        assertThat(meters.find("liquid5gc.smf.n4.messages").tag("kind", "deletion").tag("cause", "REQUEST_ACCEPTED").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void whenTheDownlinkMovesToAnotherGnb_thenTheUpfSendsAnEndMarkerOnTheOldTunnel() throws Exception {
        SmfProperties props = properties();
        var store = new InMemoryKeyValueStore(Clock.systemUTC());
        var json = new JsonMapper();
        SmContextStore contexts = new SmContextStore(store, json);
        association = new UpfAssociations(props, Clock.systemUTC(), new SimpleMeterRegistry());
        N4Sessions n4 = new N4Sessions(store, json, props, new SimpleMeterRegistry(), association);
        association.start();
        awaitAssociated(association);
        SmContext ctx = context(0x4444);
        contexts.create(ctx);
        n4.establish(ctx);
        try (DatagramSocket oldGnb = new DatagramSocket(new InetSocketAddress(upf.gnbN3Address(), GtpuCodec.PORT))) {
            oldGnb.setSoTimeout(30_000);
            n4.modify(contexts.update(ctx.smContextRef(), c -> c.withDownlink(
                    new UpTransportLayerInformation(upf.gnbN3Address().getHostAddress(), "00008001"), "ACTIVATED")).orElseThrow());
            // Xn path switch (TS 23.502 4.9.1.2.2): the downlink now goes to the second gNB
            n4.modify(contexts.update(ctx.smContextRef(), c -> c.withDownlink(
                    new UpTransportLayerInformation(upf.gnb2N3Address().getHostAddress(), "00008002"), "ACTIVATED")).orElseThrow());
            DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
            GtpuMessage got = null;
            while (!(got instanceof GtpuMessage.EndMarker)) {
                oldGnb.receive(in);
                got = GtpuCodec.decode(in.getData(), 0, in.getLength()) instanceof DecodeResult.Decoded d ? d.message() : null;
            }
            assertThat(got.header().teid()).as("End Marker in the old tunnel (TS 29.281 7.3.2)").isEqualTo(0x8001);
        }
    }

    @Test
    void whenTheUpfRejectsTheSession_thenTheProcedureFailsWithTheCause() throws Exception {
        SmfProperties props = properties();
        var store = new InMemoryKeyValueStore(Clock.systemUTC());
        var json = new JsonMapper();
        association = new UpfAssociations(props, Clock.systemUTC(), new SimpleMeterRegistry());
        N4Sessions n4 = new N4Sessions(store, json, props, new SimpleMeterRegistry(), association);
        association.start();
        awaitAssociated(association);
        // a modification of a session the UPF never had: Session context not found
        SmContext ctx = context(0x4343);
        N4Session ghost = n4.build(ctx, 1).sentWith(0xBAD);
        store.put("smf/n4/" + ctx.smContextRef(), json.writeValueAsBytes(ghost));
        assertThatThrownBy(() -> n4.modify(ctx)).isInstanceOf(ProblemException.class).hasMessageContaining("SESSION_CONTEXT_NOT_FOUND");
    }
}
