package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * UPF reselection at establishment with two real UPFs (Open5GS's): with heartbeats far apart, UPF A dies unnoticed;
 * the next PDU session of its DNN is sent to A, gets no answer, A's association is marked down at once, and the
 * session is established on UPF B instead (its UL tunnel and TEID are B's, a ping passes). Skips only without root,
 * namespaces or the UPF build.
 */
class UpfFailoverTest {

    private static final String SMF_N4 = "10.203.48.1";
    private static final String GNB_N3 = "10.203.48.3";
    private static Open5gsUpf upfA;
    private static Open5gsUpf upfB;
    private static TwoUpfs upfs;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upfs = TwoUpfs.start("10.203.48", "smffoa", 46, "smffob", 47);
        upfA = upfs.a;
        upfB = upfs.b;
        context = SmfTestApp.start("liquid5gc.smf.n4.enabled=true", "liquid5gc.smf.n4-address=" + SMF_N4,
                "liquid5gc.smf.n4.t1=500ms", "liquid5gc.smf.n4.n1=1", "liquid5gc.smf.n4.heartbeat-interval=10m",
                "liquid5gc.smf.upfs[0].node-id=upf-a", "liquid5gc.smf.upfs[0].n4-address=" + upfA.pfcpAddress().getHostAddress(),
                "liquid5gc.smf.upfs[0].n3-address=" + upfA.n3Address().getHostAddress(),
                "liquid5gc.smf.upfs[1].node-id=upf-b", "liquid5gc.smf.upfs[1].n4-address=" + upfB.pfcpAddress().getHostAddress(),
                "liquid5gc.smf.upfs[1].n3-address=" + upfB.n3Address().getHostAddress(), "liquid5gc.smf.upfs[1].teid-min=100000");
    }

    @AfterAll
    static void stop() throws Exception {
        if (context != null) {
            context.close();
        }
        if (upfs != null) {
            upfs.close();
        }
    }

    private static double associated(String upf) {
        return context.getBean(MeterRegistry.class).find("liquid5gc.smf.n4.association").tag("upf", upf).gauge().value();
    }

    @Test
    void whenTheChosenUpfDoesNotAnswer_thenTheSessionIsEstablishedOnTheNextUpfOfItsDnn() throws Exception {
        for (int i = 0; i < 600 && (associated("upf-a") != 1 || associated("upf-b") != 1); i++) {
            Thread.sleep(100);
        }
        assertThat(associated("upf-a")).isEqualTo(1);
        assertThat(associated("upf-b")).isEqualTo(1);
        upfA.close(); // gone without a word; the next heartbeat would be 10 minutes away

        FunctionClient client = context.getBean(FunctionClient.class);
        PduSessionCreateResponse r = client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest("imsi-001010000004801", 1, "internet",
                EMBB, "IPV4", null, new PlmnId("001", "01"), "amf-instance-1", null, null));
        assertThat(r.n1SmAccept()).as("accepted: %s", r.n1SmReject()).isNotNull();
        UpTransportLayerInformation ul = r.n2SmInfo().ulNguUpTnlInformation();
        assertThat(ul.transportLayerAddress()).isEqualTo(upfB.n3Address().getHostAddress());
        assertThat(ul.teid()).as("a TEID of UPF B's range").isGreaterThanOrEqualTo(100000);
        assertThat(associated("upf-a")).as("A's association marked down by the unanswered request").isZero();
        client.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), "PDU_RES_SETUP_RSP",
                new PduSessionResourceSetupResponseTransfer(UpTransportLayerInformation.of(GNB_N3, 0x4801), List.of(1), List.of()), null));
        try (GtpuProbe gnb = new GtpuProbe(InetAddress.getByName(GNB_N3))) {
            assertThat(gnb.ping(upfB.n3Address(), ul.teid(), r.n1SmAccept().pduAddress().ipv4Addr(), upfB.dnAddress(), 0x4801))
                    .as("ping through UPF B; %s", upfB.logText()).isTrue();
        }
        client.call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(r.smContextRef(), "UE_INITIATED"));
        assertThat(context.getBean(N4Sessions.class).sessionsOn("upf-b")).isZero();
        assertThat(context.getBean(N4Sessions.class).sessionsOn("upf-a")).isZero();
    }
}
