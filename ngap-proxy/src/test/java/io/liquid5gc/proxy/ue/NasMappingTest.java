package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.DecodeResult;
import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.UplinkNas;
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

    @Test
    void whenCapabilityHasEpsOctets_thenSecurityModeCommandReplaysAllFourOctets() {
        // regression: the EPS octets made the replayed capability encode with a null spare part (NullPointerException)
        UplinkNas.RegistrationRequest rr = (UplinkNas.RegistrationRequest) NasMapping.toUplink(gmm(UERANSIM_REGISTRATION_REQUEST)).orElseThrow();
        DownlinkNas.SecurityModeCommand smc = new DownlinkNas.SecurityModeCommand(2, 2, 1, rr.ueSecurityCapability(), true, "0000");
        assertThat(HEX.formatHex(NasCodec.encode(NasMapping.toGmm(smc)))).isEqualTo(ACCEPTED_SECURITY_MODE_COMMAND);
    }
}
