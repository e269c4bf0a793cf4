package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.GtpuHeader;
import io.liquid5gc.gtpu.GtpuMessage;
import io.liquid5gc.gtpu.Icmp;
import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.gtpu.PduSessionContainer;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateResponse;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * N2 handover with indirect data forwarding (TS 23.502 4.9.1.3.2-3) through the SMF's functions against a real UPF
 * (Open5GS's): the target's Request Acknowledge offers a forwarding tunnel, the SMF adds the forwarding rules and
 * answers the UPF's forwarding tunnel for the Handover Command; the downlink stays on the source, and what the source
 * forwards to the UPF arrives in the target's forwarding tunnel; at completion the downlink moves to the target with an
 * End Marker to the source, and after the forwarding timer the forwarding is gone. A cancelled preparation removes the
 * forwarding and keeps the source. Skips only without root, namespaces or the UPF build.
 */
class IndirectForwardingUpfTest {

    private static final PlmnId PLMN = new PlmnId("001", "01");
    private static Open5gsUpf upf;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start("smfhofw", 44);
        context = SmfTestApp.start("liquid5gc.smf.n4.enabled=true", "liquid5gc.smf.n4-address=" + upf.smfN4Address().getHostAddress(),
                "liquid5gc.smf.upf.n4-address=" + upf.pfcpAddress().getHostAddress(), "liquid5gc.smf.upf.n3-address=" + upf.n3Address().getHostAddress(),
                "liquid5gc.smf.n4.t1=500ms", "liquid5gc.smf.n4.heartbeat-interval=2s", "liquid5gc.smf.n4.forwarding-timer=1s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (upf != null) {
            upf.close();
        }
    }

    private static FunctionClient client() {
        return context.getBean(FunctionClient.class);
    }

    private static PduSessionUpdateResponse update(PduSessionUpdateRequest r) {
        return client().call(SmfApi.PDU_SESSION_UPDATE, r);
    }

    private static UpTransportLayerInformation tunnel(InetAddress a, long teid) {
        return UpTransportLayerInformation.of(a.getHostAddress(), teid);
    }

    private static PduSessionCreateResponse activeSession(String supi, long sourceTeid) throws Exception {
        UpfAssociations a = context.getBean(UpfAssociations.class);
        for (int i = 0; i < 600 && !a.associated("upf-1"); i++) {
            Thread.sleep(100);
        }
        PduSessionCreateResponse r = client().call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(supi, 1, "internet", EMBB, "IPV4",
                null, PLMN, "amf-instance-1", null, null));
        assertThat(r.n1SmAccept()).as("accepted: %s", r.n1SmReject()).isNotNull();
        update(new PduSessionUpdateRequest(r.smContextRef(), "PDU_RES_SETUP_RSP",
                new PduSessionResourceSetupResponseTransfer(tunnel(upf.gnbN3Address(), sourceTeid), List.of(1), List.of()), null));
        return r;
    }

    private static PduSessionUpdateResponse prepare(PduSessionCreateResponse r, long targetTeid, long forwardingTeid) {
        // as the AMF does on HANDOVER REQUIRED: the setup for the target (upCnxState ACTIVATING), then the target's answer
        assertThat(update(new PduSessionUpdateRequest(r.smContextRef(), null, null, "ACTIVATING")).n2SmInfo()).isNotNull();
        return update(new PduSessionUpdateRequest(r.smContextRef(), "HANDOVER_REQ_ACK", new PduSessionResourceSetupResponseTransfer(
                tunnel(upf.gnb2N3Address(), targetTeid), List.of(1), List.of(), tunnel(upf.gnb2N3Address(), forwardingTeid)), null));
    }

    /** A downlink packet of the data network to the UE, as the source gNB forwards it (no QFI in a forwarded G-PDU's PDI). */
    private static GtpuMessage.GPdu forwarded(long teid, String ue, int seq) throws Exception {
        return new GtpuMessage.GPdu(GtpuHeader.of(teid, PduSessionContainer.downlink(1)),
                Icmp.echoRequest((Inet4Address) upf.dnAddress(), (Inet4Address) InetAddress.getByName(ue), 21, seq));
    }

    private static boolean forwardingArrives(GtpuProbe source, GtpuProbe target, long upfTeid, long targetForwardingTeid, String ue) throws Exception {
        for (int seq = 1; seq <= 5; seq++) {
            GtpuMessage.GPdu sent = forwarded(upfTeid, ue, seq);
            source.send(upf.n3Address(), sent);
            GtpuMessage.GPdu got = target.await(GtpuMessage.GPdu.class, targetForwardingTeid, 400);
            if (got != null && java.util.Arrays.equals(got.tpdu(), sent.tpdu())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void whenTheTargetOffersAForwardingTunnel_thenTheSourcesDownlinkReachesItUntilTheTimerAfterCompletion() throws Exception {
        try (GtpuProbe source = new GtpuProbe(upf.gnbN3Address()); GtpuProbe target = new GtpuProbe(upf.gnb2N3Address())) {
            PduSessionCreateResponse r = activeSession("imsi-001010000004401", 0x5001);
            String ue = r.n1SmAccept().pduAddress().ipv4Addr();
            long ul = r.n2SmInfo().ulNguUpTnlInformation().teid();
            PduSessionUpdateResponse prepared = prepare(r, 0x6001, 0x6002);
            UpTransportLayerInformation upfForwarding = prepared.handoverCommand().dlForwardingUpTnlInformation();
            assertThat(upfForwarding.transportLayerAddress()).isEqualTo(upf.n3Address().getHostAddress());
            assertThat(upfForwarding.teid()).isNotEqualTo(ul);
            assertThat(prepared.handoverCommand().qosFlowsToBeForwarded()).containsExactly(1);
            assertThat(prepared.n4Session().createPdr()).extracting(p -> p.pdrId()).containsExactly(1, 2, 3);

            // until the completion the downlink goes to the source, which forwards it over the UPF to the target
            assertThat(source.ping(upf.n3Address(), ul, ue, upf.dnAddress(), 0x5001)).as("downlink still at the source; %s", upf.logText()).isTrue();
            assertThat(forwardingArrives(source, target, upfForwarding.teid(), 0x6002, ue)).as("forwarded to the target; %s", upf.logText()).isTrue();

            // Handover Notify: the downlink moves to the target, the source gets an End Marker
            PduSessionUpdateResponse done = update(PduSessionUpdateRequest.handover(r.smContextRef(), PduSessionUpdateRequest.HoState.COMPLETED));
            assertThat(done.n4Session().createFar().get(1).forwardingParameters().outerHeaderCreation().teid()).isEqualTo("00006001");
            assertThat(source.await(GtpuMessage.EndMarker.class, 0x5001, 10_000)).as("End Marker to the source").isNotNull();
            assertThat(target.ping(upf.n3Address(), ul, ue, upf.dnAddress(), 0x6001)).as("downlink at the target").isTrue();

            // the forwarding timer (1 s): the rules go, what the source still sends there is dropped
            N4Sessions n4 = context.getBean(N4Sessions.class);
            for (int i = 0; i < 600 && n4.find(r.smContextRef()).orElseThrow().createPdr().size() == 3; i++) {
                Thread.sleep(100);
            }
            assertThat(n4.find(r.smContextRef()).orElseThrow().createPdr()).extracting(p -> p.pdrId()).containsExactly(1, 2);
            assertThat(forwardingArrives(source, target, upfForwarding.teid(), 0x6002, ue)).as("no forwarding after the timer").isFalse();
            client().call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(r.smContextRef(), "UE_INITIATED"));
        }
    }

    @Test
    void whenTheHandoverIsCancelled_thenTheForwardingGoesAndTheDownlinkStaysAtTheSource() throws Exception {
        try (GtpuProbe source = new GtpuProbe(upf.gnbN3Address()); GtpuProbe target = new GtpuProbe(upf.gnb2N3Address())) {
            PduSessionCreateResponse r = activeSession("imsi-001010000004402", 0x5101);
            String ue = r.n1SmAccept().pduAddress().ipv4Addr();
            long ul = r.n2SmInfo().ulNguUpTnlInformation().teid();
            UpTransportLayerInformation upfForwarding = prepare(r, 0x6101, 0x6102).handoverCommand().dlForwardingUpTnlInformation();
            PduSessionUpdateResponse cancelled = update(PduSessionUpdateRequest.handover(r.smContextRef(), PduSessionUpdateRequest.HoState.CANCELLED));
            assertThat(cancelled.n4Session().createPdr()).extracting(p -> p.pdrId()).containsExactly(1, 2);
            assertThat(source.ping(upf.n3Address(), ul, ue, upf.dnAddress(), 0x5101)).as("downlink at the source").isTrue();
            assertThat(forwardingArrives(source, target, upfForwarding.teid(), 0x6102, ue)).isFalse();
            client().call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(r.smContextRef(), "UE_INITIATED"));
        }
    }
}
