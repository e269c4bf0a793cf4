package io.liquid5gc.nas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.sm.SmMessage;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every message our encoders produce, dissected by Wireshark's nas-5gs dissector (tshark). */
class TsharkCrossCheckTest {

    static List<String> names = new ArrayList<>();
    static List<byte[]> pdus = new ArrayList<>();
    static List<String> frames;

    @BeforeAll
    static void dissectAll() throws Exception {
        assumeTrue(Tshark.available(), "tshark/text2pcap not installed");
        for (Map.Entry<String, NasMessage> e : NasTestMessages.all().entrySet()) {
            names.add(e.getKey());
            pdus.add(NasCodec.encode(e.getValue()));
        }
        // a security protected message around a plain one (TS 24.501 9.1.1)
        names.add("Protected-SecurityModeComplete");
        pdus.add(NasCodec.protect(SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT,
                new byte[] {1, 2, 3, 4}, 0,
                NasCodec.encode(NasTestMessages.all().get("SecurityModeComplete"))));
        // the golden vectors too (one of them is hand-assembled from TS 33.501 C.4.3)
        GoldenVectorTest.vectors().forEach(v -> {
            names.add("golden:" + v.name());
            pdus.add(v.octets());
        });
        frames = Tshark.dissect(pdus);
    }

    private static String frame(String name) {
        return frames.get(names.indexOf(name));
    }

    @Test
    void whenEveryMessageDissected_thenNoMalformedOrExpertErrorsAndTypeMatches() {
        assertThat(frames).hasSize(pdus.size());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String f = frames.get(i);
            List<String> problems = Tshark.problems(f);
            if (!problems.isEmpty()) {
                failures.add(names.get(i) + " " + HexFormat.of().formatHex(pdus.get(i)) + " -> " + problems);
            }
            NasMessage m = i < NasTestMessages.all().size() ? NasTestMessages.all().get(names.get(i)) : null;
            if (m != null) {
                String code = String.format("(0x%02x)", m.messageTypeCode());
                boolean typeSeen = f.lines().anyMatch(l -> l.contains("Message type: ") && l.contains(code));
                if (!typeSeen) {
                    failures.add(names.get(i) + ": message type " + code + " not seen");
                }
                if (m instanceof SmMessage && !f.contains("5G session management messages")) {
                    failures.add(names.get(i) + ": not read as 5GSM");
                }
                if (m instanceof GmmMessage && !f.contains("5G mobility management messages")) {
                    failures.add(names.get(i) + ": not read as 5GMM");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void whenSuciNullScheme_thenWiresharkReadsPlmnRoutingIndicatorAndMsin() {
        String f = frame("RegistrationRequest-SUCI-null");
        assertThat(f).contains("Registration request (0x41)").contains("Type of identity: SUCI (1)")
                .contains("Routing indicator: 0").contains("MSIN: 0000000001")
                .contains("Protection scheme Id: NULL scheme (0)");
    }

    @Test
    void whenSuciProfileA_thenWiresharkReadsSchemeAndKeyId() {
        String f = frame("RegistrationRequest-SUCI-profileA");
        assertThat(f).contains("ECIES scheme profile A (1)").contains("Home network public key identifier: 1")
                .contains("b2e92f836055a255837debf850b528997ce0201cb82adfe4be1f587d07d8457d");
    }

    @Test
    void whenGuti_thenWiresharkReadsAmfIdsAndTmsi() {
        String f = frame("DeregistrationRequestUeOriginating");
        assertThat(f).contains("Type of identity: 5G-GUTI (2)").contains("AMF Region ID: 202")
                .contains("AMF Set ID: 1016").contains("AMF Pointer: 1").contains("0x12345678");
    }

    @Test
    void whenUlNasTransport_thenWiresharkDissectsTheEmbeddedPduSessionEstablishmentRequest() {
        String f = frame("UlNasTransport-PduSessionEstablishmentRequest");
        assertThat(f).contains("UL NAS transport (0x67)").contains("PDU session establishment request (0xc1)")
                .contains("DNN: internet");
    }

    @Test
    void whenPduSessionEstablishmentAccept_thenWiresharkReadsAddressAndQos() {
        String f = frame("PduSessionEstablishmentAccept");
        assertThat(f).contains("PDU address information: 10.45.0.2").contains("5QI: 9");
    }

    @Test
    void whenGoldenProfileAVector_thenWiresharkReadsTheSameSuci() {
        String f = frame("golden:registration-request-suci-profile-a");
        assertThat(f).contains("Mobile Country Code (MCC): France (208)").contains("(93)").contains("Ciphertext: cb02352410").contains("MAC tag: 0xcddd9e730ef3fa87")
                .contains("ECIES scheme profile A (1)").contains("Routing indicator: 0");
    }

    @Test
    void whenHalfOctetIes_thenWiresharkReadsThemInTheRightNibbles() {
        assertThat(frame("ServiceRequest")).contains("Service type: Data (1)").contains(".001 = NAS key set identifier: 1");
        assertThat(frame("DeregistrationRequestUeTerminated")).contains("re-registration required")
                .contains("Access type: 3GPP access (1)");
        assertThat(frame("DeregistrationRequestUeOriginating-switchOff-SUCI")).contains("Switch off: Switch off")
                .contains("NAS key set identifier: 7");
        assertThat(frame("SecurityModeCommand")).contains("128-5G-IA2 (2)").contains("IMEISV requested (1)");
        assertThat(frame("PduSessionEstablishmentRequest")).contains("SSC mode 1").contains("IPv4 (1)");
    }

    @Test
    void whenProtected_thenWiresharkReadsSecurityHeader() {
        String f = frame("Protected-SecurityModeComplete");
        assertThat(f).contains("Message authentication code: 0x01020304").contains("Sequence number: 0");
    }
}
