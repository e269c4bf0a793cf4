package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.Snssai;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** NAS mapping against messages captured from UERANSIM v3.3.0 (commit 2a3ef81f1) against Liquid5GC. */
class NasMappingTest {

    private static final HexFormat HEX = HexFormat.of();
    /** UERANSIM's initial Registration Request: SUCI null scheme, UE security capability with the EPS octets (EEA/EIA). */
    private static final String UERANSIM_REGISTRATION_REQUEST = "7e004179000d0100f1100000000000000000102e04f0f0f0f0";
    /** The plain Security Mode Command UERANSIM accepted: NEA2/NIA2, ngKSI 1, the 4-octet capability replayed, IMEISV request, ABBA. */
    private static final String ACCEPTED_SECURITY_MODE_COMMAND = "7e005d220104f0f0f0f0e138020000";

    private static GmmMessage gmm(String hex) {
        DecodeResult<GmmMessage> d = NasCodec.decodeGmm(HEX.parseHex(hex));
        assertThat(d).isInstanceOf(DecodeResult.Ok.class);
        return ((DecodeResult.Ok<GmmMessage>) d).value();
    }

    @Test
    void whenUeransimRegistrationRequest_thenSuciAndFullCapabilityReachTheAmf() {
        UplinkNas.RegistrationRequest rr = (UplinkNas.RegistrationRequest) NasMapping.toUplink(gmm(UERANSIM_REGISTRATION_REQUEST)).orElseThrow();
        assertThat(rr.identity()).isEqualTo(MobileIdentity.suci("suci-0-001-01-0000-0-0-0000000001"));
        assertThat(rr.ueSecurityCapability().ea()).isEqualTo(0xF0);
        assertThat(rr.ueSecurityCapability().ia()).isEqualTo(0xF0);
        assertThat(rr.ueSecurityCapability().epsOctets()).isEqualTo("f0f0");
    }

    /** UERANSIM's Security Mode Complete (deciphered): IMEISV, and the complete Registration Request in the NAS message container. */
    private static final String UERANSIM_SECURITY_MODE_COMPLETE =
            "7e005e7700094573806121856151f17100267e004179000d0100f1100000000000000000101001002e04f0f0f0f02f050401010203530100";

    @Test
    void whenUeransimSecurityModeComplete_thenImeisvAndTheFullRegistrationRequestReachTheAmf() {
        UplinkNas.SecurityModeComplete smc = (UplinkNas.SecurityModeComplete) NasMapping.toUplink(gmm(UERANSIM_SECURITY_MODE_COMPLETE)).orElseThrow();
        assertThat(smc.imeisv()).isEqualTo(new MobileIdentity(MobileIdentity.Type.IMEISV, "4370816125816151"));
        assertThat(smc.registrationRequest()).isNotNull();
        assertThat(smc.registrationRequest().requestedNssai()).containsExactly(new Snssai(1, "010203"));
        assertThat(smc.registrationRequest().identity()).isEqualTo(MobileIdentity.suci("suci-0-001-01-0000-0-0-0000000001"));
    }

    @Test
    void whenCapabilityHasEpsOctets_thenSecurityModeCommandReplaysAllFourOctets() {
        // regression: the EPS octets made the replayed capability encode with a null spare part (NullPointerException)
        UplinkNas.RegistrationRequest rr = (UplinkNas.RegistrationRequest) NasMapping.toUplink(gmm(UERANSIM_REGISTRATION_REQUEST)).orElseThrow();
        DownlinkNas.SecurityModeCommand smc = new DownlinkNas.SecurityModeCommand(2, 2, 1, rr.ueSecurityCapability(), true, "0000");
        assertThat(HEX.formatHex(NasCodec.encode(NasMapping.toGmm(smc)))).isEqualTo(ACCEPTED_SECURITY_MODE_COMMAND);
    }
}
