package io.liquid5gc.pfcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.Tshark;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Wireshark's PFCP dissector reads every message the codec writes, with the values put in; a corrupted one is flagged. */
class PfcpTsharkTest {

    private static List<String> dissect(List<byte[]> messages) throws Exception {
        return Tshark.dissect(messages, PfcpCodec.PORT, "-d", "udp.port==8805,pfcp");
    }

    @Test
    void whenEveryMessageIsDissectedByTshark_thenItReadsTheValuesWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark/text2pcap not installed (apt-get install -y tshark)");
        List<PfcpMessage> all = PfcpSamples.all();
        List<String> frames = dissect(all.stream().map(PfcpCodec::encode).toList());
        assertThat(frames).hasSize(all.size());
        for (int i = 0; i < frames.size(); i++) {
            assertThat(Tshark.problems(frames.get(i))).as(frames.get(i)).isEmpty();
            assertThat(frames.get(i)).contains("Message Type: PFCP ", "(" + all.get(i).typeCode() + ")",
                    "Sequence Number: " + all.get(i).header().sequenceNumber());
        }
        assertThat(frames.get(0)).contains("Heartbeat Request (1)", "Recovery Time Stamp: Dec  6, 2026 01:00:00.000000000 UTC");
        assertThat(frames.get(2)).contains("Association Setup Request (5)", "Node ID : IPv4 address: 10.203.0.1", "CP Function Features");
        assertThat(frames.get(3)).contains("Cause: Request accepted(success) (1)", "UP Function Features");
        assertThat(frames.get(4)).contains("FQDN: smf.liquid5gc.test");
        assertThat(frames.get(8)).contains("Session Establishment Request (50)", "F-SEID : SEID: 0x0000000000001001, IPv4 10.203.0.1",
                "PDR ID : 1", "Precedence: 255", "Source Interface : Access", "CH (CHOOSE): True", "Choose Id: 01",
                "Network Instance: internet", "S/D: Source IP address", "S/D: Destination IP address", "IPv4 address: 10.45.0.2",
                "3GPP Interface Type : N3 3GPP Access", "3GPP Interface Type : N6", "Outer Header Removal Description: GTP-U/UDP/IPv4 (0)",
                "FAR ID : Dynamic by CP 2", "URR ID : Dynamic by CP 1", "QER ID : Dynamic by CP 1", "FORW (Forward): True",
                "BUFF (Buffer): True", "NOCP (Notify the CP function): True", "VOLUM (Volume): True", "DURAT (Duration): True",
                "VOLTH (Volume Threshold): True", "VOLQU (Volume Quota): True", "Total Volume: 1000000", "Total Volume: 10000000",
                "UL Gate: OPEN (0)", "DL Gate: OPEN (0)", "UL MBR: 100000", "DL MBR: 200000", "QFI: 0x09", "PDN Type: IPv4 (1)",
                "Destination Interface : Core");
        assertThat(frames.get(9)).contains("F-TEID : TEID: 0x00005001, IPv4 10.203.0.2", "Created PDR");
        assertThat(frames.get(10)).contains("Remove PDR : [Grouped IE]: PDR ID: 3", "Update FAR", "Update Forwarding Parameters",
                "Outer Header Creation Description: GTP-U/UDP/IPv4  (256)", "TEID: 0x00007001", "IPv4 Address: 10.203.0.3",
                "SNDEM (Send End Marker Packets): True", "QAURR (Query All URRs): True", "Update QER", "UL MBR: 50000");
        assertThat(frames.get(11)).contains("Usage Report (Session Modification Response)", "UR-SEQN: 4", "VOLTH (Volume Threshold): True",
                "Start Time: Dec  6, 2026 01:00:00", "End Time: Dec  6, 2026 01:01:00", "Total Volume: 3000", "Uplink Volume: 1000",
                "Downlink Volume: 2000", "Duration: 60");
        assertThat(frames.get(13)).contains("Usage Report (Session Deletion Response)");
        assertThat(frames.get(14)).contains("DLDR (Downlink Data Report): True", "USAR (Usage Report): True", "Downlink Data Report",
                "QFII(QoS Flow Identifier): Present", "Usage Report (Session Report Request)");
        assertThat(frames.get(15)).contains("Cause: Session context not found (65)", "Type of the offending IE: F-SEID (57)");
    }

    @Test
    void whenAMessageIsCorrupted_thenTsharkAndTheCodecBothFlagIt() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark/text2pcap not installed (apt-get install -y tshark)");
        byte[] bad = PfcpCodec.encode(PfcpSamples.all().getFirst());
        // the Recovery Time Stamp claims 8 octets where 4 follow (the message Length is left as it is)
        bad[bad.length - 5] = 8;
        assertThat(PfcpCodec.decode(bad)).isInstanceOf(DecodeResult.Failed.class);
        assertThat(Tshark.problems(dissect(List.of(bad)).getFirst())).isNotEmpty();
    }
}
