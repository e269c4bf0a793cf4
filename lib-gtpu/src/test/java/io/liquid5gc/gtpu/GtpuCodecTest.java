package io.liquid5gc.gtpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class GtpuCodecTest {

    private static final HexFormat HEX = HexFormat.of();
    /** An IPv4 ICMP echo request 10.45.0.2 -> 10.45.0.1 (28 octets). */
    private static final byte[] PING = HEX.parseHex("4500001c0001000040010000" + "0a2d0002" + "0a2d0001" + "0800f7fe00010000");

    private static GtpuMessage decoded(byte[] b) {
        DecodeResult r = GtpuCodec.decode(b);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        return ((DecodeResult.Decoded) r).message();
    }

    private static DecodeError failure(String hex) {
        DecodeResult r = GtpuCodec.decode(HEX.parseHex(hex));
        assertThat(r).isInstanceOf(DecodeResult.Failed.class);
        return ((DecodeResult.Failed) r).error();
    }

    @Test
    void whenUplinkGpduWithQfiIsEncoded_thenOctetsAreAsTs29281AndTs38415Lay() {
        byte[] wire = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(1, PduSessionContainer.uplink(9)), PING));
        // flags 0x34 (version 1, PT 1, E), type 0xff, length 36, TEID 1, seq 0, N-PDU 0, next 0x85;
        // extension: length 1, PDU type 1 (UL), QFI 9, next 0 (tshark reads the same, GtpuTsharkTest)
        assertThat(HEX.formatHex(wire)).isEqualTo("34ff002400000001000000850110" + "0900" + HEX.formatHex(PING));
        GtpuMessage.GPdu back = (GtpuMessage.GPdu) decoded(wire);
        assertThat(back.header().teid()).isEqualTo(1);
        assertThat(back.header().pduSessionContainer().qfi()).isEqualTo(9);
        assertThat(back.header().pduSessionContainer().pduType()).isEqualTo(PduSessionContainer.PduType.UL_PDU_SESSION_INFORMATION);
        assertThat(back.tpdu()).isEqualTo(PING);
    }

    @Test
    void whenDownlinkContainerHasRqiAndPpi_thenTheyRoundTripPaddedToFourOctets() {
        PduSessionContainer dl = PduSessionContainer.downlink(5, true, 3);
        byte[] wire = GtpuCodec.encode(new GtpuMessage.GPdu(GtpuHeader.of(0xDEADBEEFL, dl), PING));
        // extension header of 2 units: 00 (DL) | PPP RQI QFI=5 -> c5 | PPI 3 -> 60 | padding | next 00
        assertThat(HEX.formatHex(wire, 11, 20)).isEqualTo("8502" + "00c56000000000");
        PduSessionContainer back = ((GtpuMessage.GPdu) decoded(wire)).header().pduSessionContainer();
        assertThat(back).isEqualTo(dl);
        assertThat(back.rqi()).isTrue();
        assertThat(back.ppi()).isEqualTo(3);
        assertThat(back.qfi()).isEqualTo(5);
    }

    @Test
    void whenEchoRequestAndResponse_thenSequenceAndRecoveryRoundTrip() {
        byte[] req = GtpuCodec.encode(GtpuMessage.EchoRequest.of(7));
        assertThat(HEX.formatHex(req)).isEqualTo("320100040000000000070000");
        GtpuMessage.EchoRequest r = (GtpuMessage.EchoRequest) decoded(req);
        byte[] resp = GtpuCodec.encode(GtpuMessage.EchoResponse.answering(r));
        // what Open5GS's UPF answered to the same request (Open5gsUpfTest): 32 02 0006 00000000 0007 0000 0e00
        assertThat(HEX.formatHex(resp)).isEqualTo("32020006000000000007" + "0000" + "0e00");
        GtpuMessage.EchoResponse back = (GtpuMessage.EchoResponse) decoded(resp);
        assertThat(back.header().sequenceNumber()).isEqualTo(7);
        assertThat(back.restartCounter()).isZero();
    }

    @Test
    void whenErrorIndicationAndEndMarker_thenTheirFieldsRoundTrip() throws Exception {
        GtpuMessage.ErrorIndication ei = new GtpuMessage.ErrorIndication(new GtpuHeader(0, 0, null,
                List.of(new ExtensionHeader.UdpPort(2152))), 0x1234, InetAddress.getByName("10.203.0.3"),
                List.of(new InformationElement.Unknown(255, HEX.parseHex("0001aa"))));
        byte[] wire = GtpuCodec.encode(ei);
        assertThat(decoded(wire)).isEqualTo(ei);
        assertThat(HEX.formatHex(wire)).contains("1000001234" + "850004" + "0acb0003" + "ff0003" + "0001aa");
        GtpuMessage.EndMarker em = GtpuMessage.EndMarker.of(42);
        assertThat(HEX.formatHex(GtpuCodec.encode(em))).isEqualTo("30fe00000000002a");
        assertThat(decoded(GtpuCodec.encode(em))).isEqualTo(em);
    }

    @Test
    void whenUnknownTypesAndExtensions_thenTheyAreKeptAndReEncoded() {
        byte[] wire = HEX.parseHex("341f000c00000000" + "0000" + "00" + "c0" + "01abcd" + "00" + "aabbccdd");
        GtpuMessage m = decoded(wire);
        assertThat(m).isInstanceOf(GtpuMessage.Other.class);
        assertThat(m.header().extensionHeaders().getFirst()).isEqualTo(new ExtensionHeader.Other(0xC0, HEX.parseHex("abcd")));
        assertThat(GtpuCodec.encode(m)).isEqualTo(wire);
    }

    @Test
    void whenDatagramIsBad_thenTheErrorSaysWhatIsWrong() {
        assertThat(failure("32010004")).isEqualTo(DecodeError.TRUNCATED);
        assertThat(failure("52010000" + "00000000")).isEqualTo(DecodeError.UNSUPPORTED_VERSION);
        assertThat(failure("22010000" + "00000000")).isEqualTo(DecodeError.NOT_GTP);
        // the Length field claims 65535 octets: refused before anything is allocated
        assertThat(failure("30ffffff" + "00000001" + "00")).isEqualTo(DecodeError.TRUNCATED);
        assertThat(failure("34ff0004" + "00000001" + "00000085")).isEqualTo(DecodeError.BAD_EXTENSION_HEADER);
        assertThat(failure("34ff0008" + "00000001" + "00000085" + "00000000")).isEqualTo(DecodeError.BAD_EXTENSION_HEADER);
        assertThat(failure("34ff0008" + "00000001" + "00000085" + "09000000")).isEqualTo(DecodeError.BAD_EXTENSION_HEADER);
        assertThat(failure("32020004" + "00000000" + "00070000")).isEqualTo(DecodeError.MISSING_MANDATORY);
        assertThat(failure("3202000600000000" + "00070000" + "0300")).isEqualTo(DecodeError.BAD_INFORMATION_ELEMENT);
        assertThat(failure("321a000b00000000" + "00010000" + "1000001234" + "8500")).isEqualTo(DecodeError.BAD_INFORMATION_ELEMENT);
        assertThat(failure("321a000f00000000" + "00010000" + "1000001234" + "8500030a0000")).isEqualTo(DecodeError.BAD_INFORMATION_ELEMENT);
        assertThat(failure("321a000900000000" + "00010000" + "1000001234")).isEqualTo(DecodeError.MISSING_MANDATORY);
    }

    @Test
    void whenExtensionHeadersExceedTheLimit_thenDecodingStops() {
        StringBuilder hex = new StringBuilder("34ff00" + String.format("%02x", 4 + 4 * 17) + "00000001" + "00000085");
        for (int i = 0; i < 17; i++) {
            hex.append("01").append("1001").append("85");
        }
        assertThat(failure(hex.toString())).isEqualTo(DecodeError.BAD_EXTENSION_HEADER);
    }
}
