package io.liquid5gc.nas;

import static io.liquid5gc.nas.NasTestMessages.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.nas.codec.NasDecodeException;
import io.liquid5gc.nas.codec.NasReader;
import io.liquid5gc.nas.codec.NasWriter;
import io.liquid5gc.nas.ie.*;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IE encodings checked against hand-worked TS 24.501 / TS 24.008 examples. */
class IeCodecTest {

    private static String hexOf(java.util.function.Consumer<NasWriter> enc) {
        NasWriter w = new NasWriter();
        enc.accept(w);
        return HexFormat.of().formatHex(w.toByteArray());
    }

    @ParameterizedTest(name = "S-NSSAI {0}")
    @CsvSource({"01", "0102", "01010203", "0101020302", "0101020302aabbcc"})
    void whenSNssaiOfEveryLength_thenRoundTrips(String h) throws NasDecodeException {
        SNssai s = SNssai.decode(new NasReader(hex(h)));
        assertThat(hexOf(s::encode)).isEqualTo(h);
    }

    @Test
    void whenSNssaiHasMappedValues_thenFieldsTyped() throws NasDecodeException {
        assertThat(SNssai.decode(new NasReader(hex("0101020302aabbcc"))))
                .isEqualTo(new SNssai(1, 0x010203, 2, 0xAABBCC));
        assertThat(SNssai.decode(new NasReader(hex("0102")))).isEqualTo(new SNssai(1, null, 2, null));
        assertThatThrownBy(() -> SNssai.decode(new NasReader(hex("010203")))).isInstanceOf(NasDecodeException.class);
    }

    @Test
    void whenPlmnWithTwoAndThreeDigitMnc_thenBcdAsTs24008() {
        assertThat(hexOf(new PlmnId("001", "01")::encode)).isEqualTo("00f110");
        assertThat(hexOf(new PlmnId("208", "93")::encode)).isEqualTo("02f839");
        assertThat(hexOf(new PlmnId("310", "410")::encode)).isEqualTo("130014");
    }

    @Test
    void whenTaiListOfAllThreeTypes_thenOctetsAsTs24501Figures() throws NasDecodeException {
        String h = hexOf(NasTestMessages.taiListAllTypes()::encode);
        // type 00, 3 elements | type 01, 4 elements | type 10, 2 elements
        assertThat(h).isEqualTo("02" + "00f110" + "000001" + "000002" + "000007"
                + "23" + "130014" + "000100"
                + "41" + "00f110000005" + "130014fffffe");
        assertThat(TaiList.decode(new NasReader(hex(h)))).isEqualTo(NasTestMessages.taiListAllTypes());
    }

    @Test
    void whenTaiListTypeReserved_thenRejected() {
        assertThatThrownBy(() -> TaiList.decode(new NasReader(hex("6000f110000001"))))
                .isInstanceOf(NasDecodeException.class);
    }

    @Test
    void whenGprsTimers_thenUnitsAsTs24008() {
        assertThat(GprsTimer.seconds(60).octet()).isEqualTo(0x1E); // 30 x 2 s
        assertThat(GprsTimer.seconds(720).octet()).isEqualTo(0x2C); // 12 x 1 min
        assertThat(new GprsTimer(0x2C).toSeconds()).isEqualTo(720);
        assertThat(GprsTimer.deactivated().toSeconds()).isEqualTo(-1);
        assertThat(GprsTimer3.seconds(1800).octet()).isEqualTo(0xA0 | 30); // 30 x 1 min
        assertThat(GprsTimer3.seconds(3240).toSeconds()).isEqualTo(3600); // 54 min is not representable: 6 x 10 min
        assertThat(GprsTimer3.seconds(3240).octet()).isEqualTo(0x06);
        assertThat(new GprsTimer3(0x21).toSeconds()).isEqualTo(3600);
        assertThat(new GprsTimer3(0xB6).toSeconds()).isEqualTo(22 * 60);
    }

    @Test
    void whenSessionAmbr_thenBitRatesFromUnits() {
        SessionAmbr a = SessionAmbr.mbps(100, 50);
        assertThat(a.downlinkBps()).isEqualTo(100_000_000L);
        assertThat(a.uplinkBps()).isEqualTo(50_000_000L);
        assertThat(new SessionAmbr(SessionAmbr.UNIT_GBPS, 2, 2, 3).downlinkBps()).isEqualTo(2_000_000_000L);
        assertThat(new SessionAmbr(1, 2, 2, 3).uplinkBps()).isEqualTo(12_000L);
        assertThat(hexOf(a::encode)).isEqualTo("060064060032");
    }

    @Test
    void whenPduAddressOfEachType_thenLayoutAsTs24501() throws NasDecodeException {
        assertThat(hexOf(PduAddress.ipv4(hex("0a2d0002"))::encode)).isEqualTo("010a2d0002");
        PduAddress v6 = new PduAddress(2, null, hex("0000000000000001"), null);
        assertThat(hexOf(v6::encode)).isEqualTo("020000000000000001");
        PduAddress v4v6 = new PduAddress(3, hex("0a2d0002"), hex("0000000000000001"), null);
        assertThat(hexOf(v4v6::encode)).isEqualTo("0300000000000000010a2d0002");
        assertThat(PduAddress.decode(new NasReader(hex("0300000000000000010a2d0002")))).isEqualTo(v4v6);
        assertThatThrownBy(() -> PduAddress.decode(new NasReader(hex("05")))).isInstanceOf(NasDecodeException.class);
    }

    @Test
    void whenDnn_thenApnLabelEncoding() throws NasDecodeException {
        assertThat(hexOf(new Dnn("internet")::encode)).isEqualTo("08696e7465726e6574");
        assertThat(hexOf(new Dnn("ims.mnc001.mcc001.gprs")::encode)).startsWith("03696d73066d6e63303031");
        assertThat(Dnn.decode(new NasReader(hex("03696d73066d6e63303031"))).name()).isEqualTo("ims.mnc001");
        assertThatThrownBy(() -> Dnn.decode(new NasReader(hex("0261")))).isInstanceOf(NasDecodeException.class);
        assertThatThrownBy(() -> Dnn.decode(new NasReader(hex("03612e62")))).isInstanceOf(NasDecodeException.class);
    }

    @Test
    void whenMobileIdentities_thenOctetsAsTs24501() throws NasDecodeException {
        assertThat(hexOf(NasTestMessages.guti()::encode)).isEqualTo("f200f110cafe0112345678");
        assertThat(hexOf(NasTestMessages.guti().toSTmsi()::encode)).isEqualTo("f4fe0112345678");
        // digit 1 in bits 8-5 of octet 4 with the odd/even bit, then digit pairs low nibble first
        assertThat(hexOf(new MobileIdentity.Imei("356938035643809", false)::encode)).isEqualTo("3b65390853468390");
        assertThat(hexOf(new MobileIdentity.Imei("3569380356438091", true)::encode)).isEqualTo("3565390853468390f1");
        MobileIdentity sv = MobileIdentity.decode(new NasReader(hex("3565390853468390f1")));
        assertThat(sv).isEqualTo(new MobileIdentity.Imei("3569380356438091", true));
        assertThat(hexOf(NasTestMessages.suciNull()::encode)).isEqualTo("0100f110f0ff00000000000010");
        assertThat(hexOf(NasTestMessages.suciProfileB()::encode)).startsWith("01130014214302030311");
        MobileIdentity nai = MobileIdentity.decode(new NasReader(hex("11" + "74657374")));
        assertThat(nai).isInstanceOf(MobileIdentity.SuciNai.class);
        assertThat(MobileIdentity.decode(new NasReader(hex("00")))).isInstanceOf(MobileIdentity.NoIdentity.class);
        assertThat(MobileIdentity.decode(new NasReader(hex("06112233445566")))).isInstanceOf(MobileIdentity.Other.class);
    }

    @Test
    void whenQosRuleWithTypedFilters_thenRoundTripsAndDeleteFiltersUsesIdsOnly() throws NasDecodeException {
        QosRule r = NasTestMessages.tcpRule();
        NasWriter w = new NasWriter();
        r.encode(w);
        assertThat(QosRule.decodeList(new NasReader(w.toByteArray()))).containsExactly(r);
        QosRule del = new QosRule(3, QosRule.MODIFY_DELETE_FILTERS, false,
                List.of(new PacketFilter(0, 2, null), new PacketFilter(0, 3, null)), 10, false, 2);
        assertThat(hexOf(del::encode)).isEqualTo("030005" + "a2" + "0203" + "0a02");
        QosRule gone = new QosRule(4, QosRule.DELETE, false, List.of(), -1, false, -1);
        assertThat(hexOf(gone::encode)).isEqualTo("04000140");
        assertThat(QosRule.decodeList(new NasReader(hex("04000140")))).containsExactly(gone);
    }

    @Test
    void whenNgKsiAndAlgorithms_thenHalfOctets() {
        assertThat(NgKsi.NO_KEY.toHalf()).isEqualTo(7);
        assertThat(NgKsi.fromHalf(0x9)).isEqualTo(new NgKsi(true, 1));
        assertThat(new NasSecurityAlgorithms(2, 1).toOctet()).isEqualTo(0x21);
        assertThat(NasSecurityAlgorithms.fromOctet(0x12)).isEqualTo(new NasSecurityAlgorithms(1, 2));
    }

    @Test
    void whenPduSessionBitmap_thenPsiBitsAsTs24501() throws NasDecodeException {
        assertThat(hexOf(PduSessionBitmap.of(1, 5, 15)::encode)).isEqualTo("2280");
        assertThat(PduSessionBitmap.decode(new NasReader(hex("2280"))).isSet(15)).isTrue();
    }
}
