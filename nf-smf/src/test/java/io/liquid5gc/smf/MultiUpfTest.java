package io.liquid5gc.smf;

import static io.liquid5gc.smf.SmfTestApp.EMBB;
import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.DecodeResult;
import io.liquid5gc.gtpu.GtpuCodec;
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
import io.liquid5gc.sbi.smf.SmfApi;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two real UPFs (Open5GS's, each in a namespace of its own) behind one SMF and one N4 socket: UPF A serves DNN internet,
 * UPF B serves ims and is internet's second choice. Sessions go to the UPF of their DNN and pings cross it; UPF A is
 * stopped: its association goes down and the next internet session goes to B, whose pings pass. One address of this
 * host (on lo) is the SMF's N4 address and another the gNB's N3 address; each UPF namespace gets an on-link route to
 * them. Skips only without root, namespaces or the UPF build.
 */
class MultiUpfTest {

    private static final PlmnId PLMN = new PlmnId("001", "01");
    private static final String SMF_N4 = "10.203.43.1";
    private static final String GNB_N3 = "10.203.43.3";
    private static Open5gsUpf upfA;
    private static Open5gsUpf upfB;
    private static TwoUpfs upfs;
    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upfs = TwoUpfs.start("10.203.43", "smfupa", 41, "smfupb", 42);
        upfA = upfs.a;
        upfB = upfs.b;
        context = SmfTestApp.start(
                "liquid5gc.smf.pools.internet=10.45.0.0/17", "liquid5gc.smf.pools.ims=10.45.128.0/17",
                "liquid5gc.smf.n4.enabled=true", "liquid5gc.smf.n4-address=" + SMF_N4,
                "liquid5gc.smf.n4.t1=500ms", "liquid5gc.smf.n4.n1=1", "liquid5gc.smf.n4.heartbeat-interval=1s",
                "liquid5gc.smf.upfs[0].node-id=upf-a", "liquid5gc.smf.upfs[0].dnns=internet",
                "liquid5gc.smf.upfs[0].n4-address=" + upfA.pfcpAddress().getHostAddress(),
                "liquid5gc.smf.upfs[0].n3-address=" + upfA.n3Address().getHostAddress(),
                "liquid5gc.smf.upfs[1].node-id=upf-b", "liquid5gc.smf.upfs[1].dnns=ims,internet", "liquid5gc.smf.upfs[1].slices=1-010203",
                "liquid5gc.smf.upfs[1].n4-address=" + upfB.pfcpAddress().getHostAddress(),
                "liquid5gc.smf.upfs[1].n3-address=" + upfB.n3Address().getHostAddress());
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

    private static double gauge(String name, String upf) {
        var g = context.getBean(MeterRegistry.class).find(name).tag("upf", upf).gauge();
        return g == null ? Double.NaN : g.value();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private static FunctionClient client() {
        return context.getBean(FunctionClient.class);
    }

    private static PduSessionCreateResponse create(String supi, String dnn) {
        return client().call(SmfApi.PDU_SESSION_CREATE, new PduSessionCreateRequest(supi, 1, dnn, EMBB, "IPV4", null, PLMN,
                "amf-instance-1", null, null));
    }

    /** The gNB's answer with its downlink tunnel (PDU Session Resource Setup Response). */
    private static void activate(PduSessionCreateResponse r, long gnbTeid) {
        client().call(SmfApi.PDU_SESSION_UPDATE, new PduSessionUpdateRequest(r.smContextRef(), "PDU_RES_SETUP_RSP",
                new PduSessionResourceSetupResponseTransfer(new UpTransportLayerInformation(GNB_N3, String.format("%08x", gnbTeid)),
                        List.of(1), List.of()), null));
    }

    /** Pings the DN from the UE's address through its UL tunnel; true when a reply comes back in the gNB's tunnel. */
    private static boolean ping(PduSessionCreateResponse r, long gnbTeid, Open5gsUpf upf) throws Exception {
        UpTransportLayerInformation ul = r.n2SmInfo().ulNguUpTnlInformation();
        Inet4Address ue = (Inet4Address) InetAddress.getByName(r.n1SmAccept().pduAddress().ipv4Addr());
        try (DatagramSocket n3 = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(GNB_N3), GtpuCodec.PORT))) {
            n3.setSoTimeout(500);
            for (int seq = 1; seq <= 40; seq++) {
                byte[] g = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(ul.teid(), PduSessionContainer.uplink(1)),
                        Icmp.echoRequest(ue, (Inet4Address) upf.dnAddress(), 9, seq)));
                n3.send(new DatagramPacket(g, g.length, new InetSocketAddress(InetAddress.getByName(ul.transportLayerAddress()), GtpuCodec.PORT)));
                DatagramPacket in = new DatagramPacket(new byte[2048], 2048);
                try {
                    n3.receive(in);
                } catch (SocketTimeoutException retry) {
                    continue;
                }
                if (GtpuCodec.decode(in.getData(), 0, in.getLength()) instanceof DecodeResult.Decoded d
                        && d.message() instanceof GtpuMessage.GPdu pdu && pdu.header().teid() == gnbTeid && Icmp.isEchoReply(pdu.tpdu(), 9, seq)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void whenSessionsOfTwoDnnsOpen_thenEachGoesToItsUpfAndAfterOneUpfStopsNewSessionsFailOverToTheOther() throws Exception {
        await("both associations up", () -> gauge("liquid5gc.smf.n4.association", "upf-a") == 1
                && gauge("liquid5gc.smf.n4.association", "upf-b") == 1);

        PduSessionCreateResponse internet = create("imsi-001010000004101", "internet");
        PduSessionCreateResponse ims = create("imsi-001010000004102", "ims");
        assertThat(internet.n2SmInfo()).as("accepted: %s", internet.n1SmReject()).isNotNull();
        assertThat(internet.n2SmInfo().ulNguUpTnlInformation().transportLayerAddress()).isEqualTo(upfA.n3Address().getHostAddress());
        assertThat(ims.n2SmInfo().ulNguUpTnlInformation().transportLayerAddress()).isEqualTo(upfB.n3Address().getHostAddress());
        assertThat(gauge("liquid5gc.smf.n4.sessions", "upf-a")).isEqualTo(1);
        assertThat(gauge("liquid5gc.smf.n4.sessions", "upf-b")).isEqualTo(1);
        activate(internet, 0x4101);
        activate(ims, 0x4102);
        assertThat(ping(internet, 0x4101, upfA)).as("ping through UPF A; %s", upfA.logText()).isTrue();
        assertThat(ping(ims, 0x4102, upfB)).as("ping through UPF B; %s", upfB.logText()).isTrue();

        // a DNN the SMF has a pool for but no UPF serves: 5GSM #27
        PduSessionCreateResponse tiny = create("imsi-001010000004103", "tiny");
        assertThat(tiny.n1SmAccept()).isNull();
        assertThat(tiny.n1SmReject().cause5gsm()).isEqualTo(27);

        // UPF A goes away: its association goes down, new internet sessions go to B (TS 23.501 6.3.3)
        upfA.close();
        await("UPF A's association down", () -> gauge("liquid5gc.smf.n4.association", "upf-a") == 0);
        PduSessionCreateResponse failover = create("imsi-001010000004104", "internet");
        assertThat(failover.n2SmInfo()).as("accepted: %s", failover.n1SmReject()).isNotNull();
        assertThat(failover.n2SmInfo().ulNguUpTnlInformation().transportLayerAddress()).isEqualTo(upfB.n3Address().getHostAddress());
        activate(failover, 0x4104);
        assertThat(ping(failover, 0x4104, upfB)).as("ping through UPF B after the failover; %s", upfB.logText()).isTrue();
        assertThat(gauge("liquid5gc.smf.n4.sessions", "upf-b")).isEqualTo(2);

        for (PduSessionCreateResponse r : List.of(internet, ims, failover)) {
            client().call(SmfApi.PDU_SESSION_RELEASE, new PduSessionReleaseRequest(r.smContextRef(), "UE_INITIATED"));
        }
        assertThat(gauge("liquid5gc.smf.n4.sessions", "upf-a")).isZero();
        assertThat(gauge("liquid5gc.smf.n4.sessions", "upf-b")).isZero();
    }
}
