package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.Tshark;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.DownlinkSm;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.pcf.Ambr;
import io.liquid5gc.sbi.smf.PduAddress;
import io.liquid5gc.sbi.smf.PduSessionEstablishmentAccept;
import io.liquid5gc.sbi.smf.QosFlowDescription;
import io.liquid5gc.sbi.smf.QosRule;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The downlink 5GMM/5GSM messages the proxy builds from the AMF contract, dissected by Wireshark (an independent
 * NAS-5GS implementation): no malformed field, and the values a UE must read come out as given.
 */
class DownlinkNasTsharkTest {

    private static final Snssai SLICE = new Snssai(1, "010203");

    @Test
    void whenTheProxyEncodesTheNewDownlinkMessages_thenWiresharkReadsThemWithTheirValues() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark and text2pcap are not installed");
        PduSessionEstablishmentAccept accept = new PduSessionEstablishmentAccept(5, "IPV4", "SSC_MODE_1",
                List.of(new QosRule(1, true, 255, List.of(new QosRule.PacketFilter(1, "BIDIRECTIONAL", "MATCH_ALL")), 9)),
                new Ambr("200 Mbps", "1 Gbps"), new PduAddress("IPV4", "10.45.0.7"), SLICE, "internet", null,
                List.of(new QosFlowDescription(9, 9, null, null, null, null)));
        List<DownlinkNas> messages = List.of(
                new DownlinkNas.RegistrationAccept(MobileIdentity.guti("00101-0100100-0000002a"),
                        List.of(new DownlinkNas.Tai(new PlmnId("001", "01"), 1)), List.of(SLICE), 3240,
                        List.of(new DownlinkNas.RejectedSnssai(new Snssai(2, null), DownlinkNas.RejectedSnssai.NOT_AVAILABLE_IN_PLMN),
                                new DownlinkNas.RejectedSnssai(new Snssai(3, "0000ff"), DownlinkNas.RejectedSnssai.MAXIMUM_NUMBER_OF_UES_REACHED))),
                new DownlinkNas.DlNasTransport(5, new DownlinkSm.EstablishmentAccept(3, accept), null),
                new DownlinkNas.DlNasTransport(5, new DownlinkSm.ReleaseCommand(4, 36), null),
                new DownlinkNas.ServiceAccept(List.of(1, 5), List.of(5)),
                new DownlinkNas.DeregistrationRequest(true, 0),
                new DownlinkNas.DeregistrationAccept());
        List<String> frames = Tshark.dissect(messages.stream().map(m -> NasCodec.encode(NasMapping.toGmm(m))).toList());
        assertThat(frames).hasSize(messages.size());
        for (String f : frames) {
            assertThat(Tshark.problems(f)).as(f).isEmpty();
        }
        assertThat(frames.get(0)).contains("Rejected NSSAI").contains("S-NSSAI not available in the current PLMN or SNPN")
                // cause 3 is Release 17: Wireshark 4.0 names it "Unknown (3)", later versions "maximum number of UEs reached"
                .containsPattern("(?i)Cause: (maximum number of UEs reached|Unknown) \\(3\\)").contains("Slice differentiator (SD): 255");
        assertThat(frames.get(1)).contains("PDU session establishment accept").contains("10.45.0.7").contains("internet")
                .containsPattern("Session-AMBR for downlink: 1 Gbps|1000 Mbps").containsPattern("Session-AMBR for uplink: 200 Mbps");
        assertThat(frames.get(2)).contains("PDU session release command").contains("Regular deactivation");
        assertThat(frames.get(3)).contains("Service accept");
        assertThat(frames.get(4)).contains("Deregistration request (UE terminated)").containsPattern("(?i)re-registration required");
        assertThat(frames.get(5)).contains("Deregistration accept (UE originating)");
    }
}
