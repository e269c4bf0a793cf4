package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.store.KeyValueStore;
import io.liquid5gc.sbi.amf.DownlinkDataNotifier;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionCreateResponse;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * CHF quota exhaustion with a real UPF (Open5GS's): a subscriber with 3,000 octets, grants of 1,000 (the URR's volume
 * threshold); the UE pings, the UPF reports usage, the SMF sends each report to the CHF, and once the CHF grants nothing
 * more (QUOTA_LIMIT_REACHED) the SMF releases the PDU session itself: the N4 session is deleted at the UPF, the SM
 * context is gone, and the AMF is told with 5GSM #36. Skips only without root, namespaces or the UPF build.
 */
class QuotaExhaustionUpfTest {

    private static final String SUPI = "imsi-001010000004501";
    private static final List<String> released = new CopyOnWriteArrayList<>();
    private static Open5gsUpf upf;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start("smfquota", 45);
        ApplicationContextInitializer<?> amf = c -> ((GenericApplicationContext) c).registerBean(DownlinkDataNotifier.class,
                () -> new DownlinkDataNotifier() {
                    @Override
                    public boolean notifyDownlinkData(String supi, int pduSessionId) {
                        return false;
                    }

                    @Override
                    public boolean notifyPduSessionReleased(String supi, int pduSessionId, int cause5gsm) {
                        released.add(supi + "/" + pduSessionId + "/#" + cause5gsm);
                        return true;
                    }
                });
        context = SmfTestApp.start(new ApplicationContextInitializer<?>[] {amf},
                "liquid5gc.smf.n4.enabled=true", "liquid5gc.smf.n4-address=" + upf.smfN4Address().getHostAddress(),
                "liquid5gc.smf.upf.n4-address=" + upf.pfcpAddress().getHostAddress(), "liquid5gc.smf.upf.n3-address=" + upf.n3Address().getHostAddress(),
                "liquid5gc.smf.n4.t1=500ms", "liquid5gc.smf.n4.heartbeat-interval=2s", "liquid5gc.smf.charging.requested-volume=1000",
                "liquid5gc.chf.subscribers[1].supi=" + SUPI, "liquid5gc.chf.subscribers[1].rating-group=1", "liquid5gc.chf.subscribers[1].quota=3000");
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

    @Test
    void whenTheQuotaIsUsedUp_thenTheSmfReleasesTheSessionAndTellsTheAmf() throws Exception {
        UpfAssociations a = context.getBean(UpfAssociations.class);
        for (int i = 0; i < 600 && !a.associated("upf-1"); i++) {
            Thread.sleep(100);
        }
        FunctionClient client = context.getBean(FunctionClient.class);
        PduSessionCreateResponse r = client.call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(SUPI, 1, "internet", EMBB, "IPV4",
                null, new PlmnId("001", "01"), "amf-instance-1", null, null));
        assertThat(r.n1SmAccept()).as("accepted: %s", r.n1SmReject()).isNotNull();
        client.call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), "PDU_RES_SETUP_RSP",
                new PduSessionResourceSetupResponseTransfer(UpTransportLayerInformation.of(upf.gnbN3Address().getHostAddress(), 0x4501), List.of(1),
                        List.of()), null));
        KeyValueStore store = context.getBean("stateStore", KeyValueStore.class);
        String ue = r.n1SmAccept().pduAddress().ipv4Addr();
        long ul = r.n2SmInfo().ulNguUpTnlInformation().teid();
        int pings = 0;
        try (GtpuProbe gnb = new GtpuProbe(upf.gnbN3Address())) {
            // 88 octets a ping and its reply: the 3,000 octets are gone after about 35
            for (; pings < 200 && released.isEmpty(); pings++) {
                gnb.ping(upf.n3Address(), ul, ue, upf.dnAddress(), 0x4501);
            }
        }
        for (int i = 0; i < 600 && released.isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(released).as("after %d pings; %s", pings, upf.logText()).containsExactly(SUPI + "/1/#36");
        assertThat(pings).as("the quota lasted").isGreaterThan(20);
        assertThat(store.get("smf/ctx/" + r.smContextRef())).isEmpty();
        assertThat(context.getBean(N4Sessions.class).find(r.smContextRef())).isEmpty();
        MeterRegistry meters = context.getBean(MeterRegistry.class);
        assertThat(meters.find("liquid5gc.smf.network.releases").tag("cause", "QUOTA_EXHAUSTED").counter().count()).isEqualTo(1.0);
        assertThat(meters.find("liquid5gc.smf.n4.messages").tag("kind", "deletion").tag("cause", "REQUEST_ACCEPTED").counter().count()).isEqualTo(1.0);
        long balance = Long.parseLong(new String(store.get("chf/balance/" + SUPI + "/1").orElseThrow()).trim());
        assertThat(balance).as("every octet the UPF measured charged").isLessThanOrEqualTo(0);
    }
}
