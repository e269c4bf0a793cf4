package io.liquid5gc.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The AMF contract crosses HTTP (http and faas placement) as JSON: every message and action survives the trip. */
class AmfContractJsonTest {

    private final JsonMapper json = new JsonMapper();

    @Test
    void whenRequestsAndResultsAreWrittenAndRead_thenTheyAreEqual() {
        UeSecurityCapability caps = new UeSecurityCapability(0xF0, 0x70, null);
        List<UplinkNas> uplink = List.of(
                new UplinkNas.RegistrationRequest("INITIAL", true, 7, MobileIdentity.suci("suci-0-001-01-0000-0-0-0000000001"), caps,
                        List.of(new Snssai(1, "010203"))),
                new UplinkNas.IdentityResponse(MobileIdentity.suci("suci-0-001-01-0000-0-0-0000000001")),
                new UplinkNas.AuthenticationResponse("00ff"), new UplinkNas.AuthenticationFailure(21, "0011"),
                new UplinkNas.SecurityModeComplete(null, null), new UplinkNas.SecurityModeReject(23), new UplinkNas.RegistrationComplete());
        for (UplinkNas m : uplink) {
            UeRequest r = new UeRequest("42", new UeLocation(new PlmnId("001", "01"), 1, "000000010", "gnb"), true, m);
            assertThat(json.readValue(json.writeValueAsString(r), UeRequest.class)).isEqualTo(r);
        }
        UeResult result = new UeResult(List.of(
                new UeAction.SendNas(new DownlinkNas.AuthenticationRequest(0, "0000", "aa", "bb"), UeAction.Protection.PLAIN),
                new UeAction.SendNas(new DownlinkNas.SecurityModeCommand(2, 2, 0, caps, true, "0000"), UeAction.Protection.NEW_CONTEXT_INTEGRITY),
                new UeAction.InitialContextSetup(new DownlinkNas.RegistrationAccept(MobileIdentity.guti("00101-0100100-00000001"),
                        List.of(new DownlinkNas.Tai(new PlmnId("001", "01"), 1)), List.of(new Snssai(1, "010203")), 3240),
                        List.of(new Snssai(1, "010203")), caps),
                new UeAction.SendNas(new DownlinkNas.RegistrationReject(62), UeAction.Protection.PROTECTED),
                new UeAction.ReleaseUe("deregister")), GmmState.REGISTERED);
        String text = json.writeValueAsString(result);
        assertThat(text).contains("\"action\":\"SEND_NAS\"").contains("\"messageType\":\"SECURITY_MODE_COMMAND\"");
        assertThat(json.readValue(text, UeResult.class)).isEqualTo(result);
    }
}
