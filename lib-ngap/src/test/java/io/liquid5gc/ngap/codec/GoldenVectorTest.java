package io.liquid5gc.ngap.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.DecodeResult;
import io.liquid5gc.ngap.NgapCodec;
import io.liquid5gc.ngap.ie.BroadcastPlmnItem;
import io.liquid5gc.ngap.ie.GlobalRanNodeId;
import io.liquid5gc.ngap.ie.PagingDrx;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgSetup;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Published / third-party encodings under src/test/resources/golden (each file names its source). */
class GoldenVectorTest {

    static byte[] load(String name) throws IOException {
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream("/golden/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String hex = text.lines().filter(l -> !l.startsWith("#")).map(String::strip).collect(Collectors.joining());
            return HexFormat.of().parseHex(hex);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ng-setup-request.hex", "ueransim-initial-ue-message.hex", "ueransim-downlink-nas-transport.hex"})
    void whenGoldenVectorDecodedAndReencoded_thenBytesIdentical(String file) throws IOException {
        byte[] bytes = load(file);
        DecodeResult r = NgapCodec.decode(bytes);
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(NgapCodec.encode(((DecodeResult.Decoded) r).message())).isEqualTo(bytes);
    }

    @Test
    void whenNgSetupRequestVectorDecoded_thenFieldsMatchTheVector() throws IOException {
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(load("ng-setup-request.hex"));
        NgSetup.Request m = (NgSetup.Request) d.message();
        GlobalRanNodeId.Gnb gnb = (GlobalRanNodeId.Gnb) m.globalRanNodeId();
        assertThat(gnb.plmn().value()).isEqualTo(0x133001);
        assertThat(gnb.gnbIdBits()).isEqualTo(32);
        assertThat(gnb.gnbId()).isZero();
        assertThat(m.ranNodeName()).isEqualTo("gnb.spirent.com");
        assertThat(m.supportedTaList()).hasSize(1);
        assertThat(m.supportedTaList().get(0).tac()).isEqualTo(1);
        BroadcastPlmnItem b = m.supportedTaList().get(0).broadcastPlmns().get(0);
        assertThat(b.sliceSupport()).containsExactly(new SNssai(1, 0x010203), new SNssai(1, 0x112233));
        assertThat(m.defaultPagingDrx()).isEqualTo(PagingDrx.V32);
        assertThat(m.rawIes()).isEqualTo(List.of());
    }

    @Test
    void whenUeransimInitialUeMessageDecoded_thenFieldsMatchTheVector() throws IOException {
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(load("ueransim-initial-ue-message.hex"));
        NasTransport.InitialUeMessage m = (NasTransport.InitialUeMessage) d.message();
        assertThat(m.ranUeNgapId()).isEqualTo(5);
        assertThat(m.nasPdu().length()).isEqualTo(32);
        assertThat(m.nasPdu().get(2)).isEqualTo((byte) 0x41); // Registration Request
        UserLocationInformation.Nr uli = (UserLocationInformation.Nr) m.userLocationInformation();
        assertThat(uli.tai().tac()).isEqualTo(117);
        assertThat(uli.tai().plmn().mcc()).isEqualTo("001");
        assertThat(m.rrcEstablishmentCause()).isEqualTo(RrcEstablishmentCause.MO_SIGNALLING);
        assertThat(m.fiveGSTmsi()).isNull();
    }

    @Test
    void whenUeransimDownlinkNasTransportDecoded_thenFieldsMatchTheVector() throws IOException {
        DecodeResult.Decoded d = (DecodeResult.Decoded) NgapCodec.decode(load("ueransim-downlink-nas-transport.hex"));
        NasTransport.DownlinkNasTransport m = (NasTransport.DownlinkNasTransport) d.message();
        assertThat(m.amfUeNgapId()).isEqualTo(12);
        assertThat(m.ranUeNgapId()).isEqualTo(1);
        assertThat(m.nasPdu()).isEqualTo(Octets.ofHex("7e00446f"));
    }
}
