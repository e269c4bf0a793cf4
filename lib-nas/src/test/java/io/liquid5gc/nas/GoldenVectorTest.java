package io.liquid5gc.nas;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.PayloadContainerType;
import io.liquid5gc.nas.ie.PduSessionType;
import io.liquid5gc.nas.ie.RegistrationType;
import io.liquid5gc.nas.ie.RequestType;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.nas.mm.GmmMessage.*;
import io.liquid5gc.nas.security.SecurityHeaderType;
import io.liquid5gc.nas.security.SecurityProtectedNasMessage;
import io.liquid5gc.nas.sm.SmMessage.PduSessionEstablishmentAccept;
import io.liquid5gc.nas.sm.SmMessage.PduSessionEstablishmentRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real NAS PDUs from src/test/resources/golden/nas-5gs-vectors.txt (sources named there). */
class GoldenVectorTest {

    record Vector(String name, String source, byte[] octets) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        try (InputStream in = GoldenVectorTest.class.getResourceAsStream("/golden/nas-5gs-vectors.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<Vector> out = new ArrayList<>();
            String name = null, source = null;
            for (String line : text.split("\n")) {
                if (line.startsWith("name = ")) {
                    name = line.substring(7).trim();
                } else if (line.startsWith("source = ")) {
                    source = line.substring(9).trim();
                } else if (line.startsWith("hex = ")) {
                    out.add(new Vector(name, source, HexFormat.of().parseHex(line.substring(6).trim())));
                }
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void whenGoldenVectorDecoded_thenFieldsMatchAndReEncodingIsIdentical(Vector v) {
        NasPdu pdu = NasCodec.decodePdu(v.octets()).orThrow();
        NasMessage plain;
        if (pdu instanceof NasPdu.Protected p) {
            SecurityProtectedNasMessage sp = p.message();
            assertThat(sp.encode()).isEqualTo(v.octets());
            plain = NasCodec.decode(sp.innerBytes()).orThrow();
            assertThat(NasCodec.encode(plain)).isEqualTo(sp.innerBytes());
        } else {
            plain = ((NasPdu.Plain) pdu).message();
            assertThat(NasCodec.encode(plain)).isEqualTo(v.octets());
        }
        check(v.name(), pdu, plain);
    }

    private static void check(String name, NasPdu pdu, NasMessage m) {
        switch (name) {
            case "registration-request-suci-null-ella" -> {
                RegistrationRequest r = (RegistrationRequest) m;
                assertThat(r.registrationType()).isEqualTo(new RegistrationType(true, RegistrationType.Value.INITIAL));
                assertThat(r.ngKsi().noKeyAvailable()).isTrue();
                MobileIdentity.Suci s = (MobileIdentity.Suci) r.mobileIdentity();
                assertThat(s.nullSchemeSupi()).isEqualTo("imsi-001014447867552");
                assertThat(s.routingIndicator()).isEqualTo("0000");
                assertThat(r.ueSecurityCapability().supportsNrEa(0)).isTrue();
                assertThat(r.ueSecurityCapability().supportsNrIa(2)).isTrue();
            }
            case "registration-request-suci-ri1234" -> {
                RegistrationRequest r = (RegistrationRequest) m;
                MobileIdentity.Suci s = (MobileIdentity.Suci) r.mobileIdentity();
                assertThat(s.plmn().toString()).isEqualTo("208-93");
                assertThat(s.routingIndicator()).isEqualTo("1234");
                assertThat(s.nullSchemeSupi()).isEqualTo("imsi-208930123456789");
                assertThat(r.gmmCapability().value()).containsExactly(0x20);
                assertThat(r.ueSecurityCapability().nrEa()).isEqualTo(0x80);
                assertThat(r.ueSecurityCapability().nrIa()).isEqualTo(0xA0);
            }
            case "authentication-request" -> {
                AuthenticationRequest a = (AuthenticationRequest) m;
                assertThat(a.ngKsi().ksi()).isZero();
                assertThat(a.abba().value()).containsExactly(0, 0);
                assertThat(HexFormat.of().formatHex(a.rand())).isEqualTo("fc64081953bb33c0682edf1690b25821");
                assertThat(HexFormat.of().formatHex(a.autn())).isEqualTo("94bbaf40940a8000c6a72c4efbaf0337");
            }
            case "authentication-response" -> assertThat(HexFormat.of().formatHex(((AuthenticationResponse) m).resStar()))
                    .isEqualTo("803adcacc364fc000bdc0f65e324eaa1");
            case "security-mode-complete-protected" -> {
                assertThat(((NasPdu.Protected) pdu).message().securityHeaderType())
                        .isEqualTo(SecurityHeaderType.INTEGRITY_PROTECTED_AND_CIPHERED_WITH_NEW_CONTEXT);
                assertThat(((NasPdu.Protected) pdu).message().sequenceNumber()).isEqualTo(2);
                SecurityModeComplete c = (SecurityModeComplete) m;
                assertThat(((MobileIdentity.Imei) c.imeisv()).digits()).isEqualTo("0000000100000101");
                GmmMessage inner = NasCodec.decodeGmm(c.nasMessageContainer().value()).orThrow();
                assertThat(inner).isInstanceOf(RegistrationRequest.class);
            }
            case "registration-complete-protected" -> assertThat(m).isInstanceOf(RegistrationComplete.class);
            case "ul-nas-transport-pdu-session-establishment-request-protected" -> {
                UlNasTransport u = (UlNasTransport) m;
                assertThat(u.payloadContainerType()).isEqualTo(PayloadContainerType.N1_SM_INFORMATION);
                assertThat(u.pduSessionId()).isEqualTo(1);
                assertThat(u.requestType()).isEqualTo(RequestType.INITIAL_REQUEST);
                assertThat(u.sNssai().sst()).isEqualTo(1);
                assertThat(u.sNssai().sd()).isEqualTo(0x010203);
                assertThat(u.dnn().name()).isEqualTo("internet");
                PduSessionEstablishmentRequest e = (PduSessionEstablishmentRequest) NasCodec.decodeSm(u.payloadContainer())
                        .orThrow();
                assertThat(e.pduSessionId()).isEqualTo(1);
                assertThat(e.pti()).isEqualTo(1);
                assertThat(e.pduSessionType()).isEqualTo(PduSessionType.IPV4V6);
            }
            case "deregistration-request-protected" -> {
                DeregistrationRequestUeOriginating d = (DeregistrationRequestUeOriginating) m;
                assertThat(d.deregistrationType().accessType()).isEqualTo(1);
                assertThat(d.deregistrationType().switchOff()).isFalse();
                MobileIdentity.Guti g = (MobileIdentity.Guti) d.mobileIdentity();
                assertThat(g.amfRegionId()).isEqualTo(0xCA);
                assertThat(g.amfSetId()).isEqualTo(0x3F8);
                assertThat(g.amfPointer()).isZero();
                assertThat(g.tmsi()).isEqualTo(1);
            }
            case "dl-nas-transport-pdu-session-establishment-accept-protected" -> {
                DlNasTransport d = (DlNasTransport) m;
                assertThat(d.pduSessionId()).isEqualTo(1);
                PduSessionEstablishmentAccept a = (PduSessionEstablishmentAccept) NasCodec.decodeSm(d.payloadContainer())
                        .orThrow();
                assertThat(a.pduSessionType()).isEqualTo(PduSessionType.IPV4);
                assertThat(a.authorizedQosRules()).hasSize(1);
                assertThat(a.authorizedQosRules().getFirst().packetFilters().getFirst().components().getFirst())
                        .isInstanceOf(io.liquid5gc.nas.ie.PacketFilter.Component.MatchAll.class);
                assertThat(a.pduAddress().ipv4()).containsExactly(60, 60, 0, 1);
                assertThat(a.cause().code).isEqualTo(50);
            }
            case "registration-accept-protected" -> {
                RegistrationAccept a = (RegistrationAccept) m;
                assertThat(a.registrationResult().access()).isEqualTo(1);
                MobileIdentity.Guti g = (MobileIdentity.Guti) a.guti();
                assertThat(g.plmn().toString()).isEqualTo("208-99");
                assertThat(g.amfRegionId()).isEqualTo(0x80);
                assertThat(g.amfSetId()).isEqualTo(1);
                assertThat(g.amfPointer()).isEqualTo(1);
                assertThat(g.tmsi()).isEqualTo(0x10);
                assertThat(a.taiList().partials()).hasSize(1);
                assertThat(a.allowedNssai().sNssais()).isEmpty();
                assertThat(a.t3512().toSeconds()).isEqualTo(22 * 60);
            }
            case "registration-request-suci-profile-a" -> {
                MobileIdentity.Suci s = (MobileIdentity.Suci) ((RegistrationRequest) m).mobileIdentity();
                assertThat(s).isEqualTo(NasTestMessages.suciProfileA());
                assertThat(s.nullSchemeSupi()).isNull();
            }
            default -> throw new AssertionError("no expectations for golden vector " + name);
        }
    }
}
