package io.liquid5gc.gtpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Wireshark's GTP dissector reads what the codec writes, with the values put in; a corrupted copy is flagged. */
class GtpuTsharkTest {

    private static final byte[] PING = HexFormat.of().parseHex("4500001c0001000040010000" + "0a2d0002" + "0a2d0001" + "0800f7fe00010000");

    @Test
    void whenEveryMessageIsDissectedByTshark_thenItReadsTheValuesWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark/text2pcap not installed (apt-get install -y tshark)");
        List<byte[]> messages = List.of(
                GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(0x1001, PduSessionContainer.uplink(9)), PING)),
                GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(0x2002, PduSessionContainer.downlink(5, true, 3)), PING)),
                GtpuCodec.encode(GtpuMessage.EchoRequest.of(7)),
                GtpuCodec.encode(GtpuMessage.EchoResponse.answering(GtpuMessage.EchoRequest.of(7))),
                GtpuCodec.encode(new GtpuMessage.ErrorIndication(GtpuHeader.signalling(0, 3), 0x3003, InetAddress.getByName("10.203.0.3"), List.of())),
                GtpuCodec.encode(GtpuMessage.EndMarker.of(0x4004)));
        List<String> frames = Tshark.dissect(messages);
        assertThat(frames).hasSize(messages.size());
        for (String f : frames) {
            assertThat(Tshark.problems(f)).as(f).isEmpty();
        }
        assertThat(frames.get(0)).contains("Message Type: T-PDU (0xff)", "TEID: 0x00001001", "UL PDU SESSION INFORMATION (1)",
                "QoS Flow Identifier (QFI): 9", "Echo (ping) request", "Source Address: 10.45.0.2");
        assertThat(frames.get(1)).contains("TEID: 0x00002002", "DL PDU SESSION INFORMATION (0)", "QoS Flow Identifier (QFI): 5",
                "Reflective QoS Indicator (RQI): Present", "Paging Policy Indicator (PPI): 3");
        assertThat(frames.get(2)).contains("Message Type: Echo request (0x01)", "Sequence number: 0x0007");
        assertThat(frames.get(3)).contains("Message Type: Echo response (0x02)", "Sequence number: 0x0007", "Recovery: 0");
        assertThat(frames.get(4)).contains("Message Type: Error indication (0x1a)", "TEID Data I: 0x00003003", "10.203.0.3");
        assertThat(frames.get(5)).contains("Message Type: End Marker (0xfe)", "TEID: 0x00004004");
    }

    @Test
    void whenAMessageIsCorrupted_thenTsharkFlagsIt() throws Exception {
        Assumptions.assumeTrue(Tshark.available(), "tshark/text2pcap not installed (apt-get install -y tshark)");
        byte[] bad = GtpuCodec.encode(new GtpuMessage.ErrorIndication(GtpuHeader.signalling(0, 1), 0x1234,
                InetAddress.getByName("10.0.0.0"), List.of()));
        // the GTP-U Peer Address claims 3 octets (TS 29.281 8.4: 4 or 16); the Length field follows
        bad[bad.length - 5] = 3;
        bad = java.util.Arrays.copyOf(bad, bad.length - 1);
        bad[3] -= 1;
        assertThat(GtpuCodec.decode(bad)).isInstanceOf(DecodeResult.Failed.class);
        assertThat(Tshark.dissect(List.of(bad)).getFirst()).contains("GSN address : unknown type or wrong length");
    }
}
