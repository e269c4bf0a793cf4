package io.liquid5gc.amf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.amf.DeregistrationAccessType;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.RegistrationType;
import io.liquid5gc.sbi.amf.ServiceType;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeLocation;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UeSecurityCapability;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer;
import io.liquid5gc.sbi.smf.UpTransportLayerInformation;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The AMF contract crosses HTTP (http and faas placement) as JSON: every message and action survives the trip. */
class AmfContractJsonTest {

    private final JsonMapper json = new JsonMapper();

    @Test
    void whenRequestsAndResultsAreWrittenAndRead_thenTheyAreEqual() {
        UeSecurityCapability caps = new UeSecurityCapability(0xF0, 0x70, null);
        List<UplinkNas> uplink = List.of(
                new UplinkNas.RegistrationRequest(RegistrationType.INITIAL, true, 7, MobileIdentity.suci("suci-0-001-01-0000-0-0-0000000001"), caps,
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
                new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER)), GmmState.REGISTERED);
        String text = json.writeValueAsString(result);
        assertThat(text).contains("\"action\":\"SEND_NAS\"").contains("\"messageType\":\"SECURITY_MODE_COMMAND\"");
        assertThat(json.readValue(text, UeResult.class)).isEqualTo(result);
    }

    @Test
    void whenTheNasTypesAreWritten_thenTheyAreTheStringsOfTheContractBeforeTheEnums() {
        assertThat(json.writeValueAsString(RegistrationType.MOBILITY_UPDATING)).isEqualTo("\"MOBILITY_UPDATING\"");
        assertThat(json.writeValueAsString(DeregistrationAccessType.THREE_GPP_ACCESS)).isEqualTo("\"3GPP_ACCESS\"");
        assertThat(json.writeValueAsString(DeregistrationAccessType.NON_3GPP_ACCESS)).isEqualTo("\"NON_3GPP_ACCESS\"");
        assertThat(json.writeValueAsString(DeregistrationAccessType.BOTH)).isEqualTo("\"BOTH\"");
        assertThat(json.writeValueAsString(ServiceType.MOBILE_TERMINATED_SERVICES)).isEqualTo("\"MOBILE_TERMINATED_SERVICES\"");
        for (RegistrationType t : RegistrationType.values()) {
            assertThat(json.readValue(json.writeValueAsString(t), RegistrationType.class)).isEqualTo(t);
        }
        for (DeregistrationAccessType t : DeregistrationAccessType.values()) {
            assertThat(json.readValue(json.writeValueAsString(t), DeregistrationAccessType.class)).isEqualTo(t);
        }
        for (ServiceType t : ServiceType.values()) {
            assertThat(json.readValue(json.writeValueAsString(t), ServiceType.class)).isEqualTo(t);
        }
    }

    @Test
    void whenMessagesInTheOldStringFormAreRead_thenTheyCarryTheEnums() {
        UplinkNas.RegistrationRequest rr = (UplinkNas.RegistrationRequest) json.readValue("""
                {"messageType":"REGISTRATION_REQUEST","registrationType":"PERIODIC_UPDATING","followOnRequest":false,"ngKsi":1,
                 "identity":{"type":"GUTI","value":"00101-0100100-00000001"}}""", UplinkNas.class);
        assertThat(rr.registrationType()).isEqualTo(RegistrationType.PERIODIC_UPDATING);
        UplinkNas.DeregistrationRequest dr = (UplinkNas.DeregistrationRequest) json.readValue("""
                {"messageType":"DEREGISTRATION_REQUEST","switchOff":true,"accessType":"3GPP_ACCESS","ngKsi":1,
                 "identity":{"type":"GUTI","value":"00101-0100100-00000001"}}""", UplinkNas.class);
        assertThat(dr.accessType()).isEqualTo(DeregistrationAccessType.THREE_GPP_ACCESS);
        UplinkNas.ServiceRequest sr = (UplinkNas.ServiceRequest) json.readValue("""
                {"messageType":"SERVICE_REQUEST","serviceType":"UNUSED_9","ngKsi":1,"sTmsi":{"type":"S_TMSI","value":"00400-0000002a"}}""",
                UplinkNas.class);
        assertThat(sr.serviceType()).isEqualTo(ServiceType.UNUSED);
    }

    @Test
    void whenATypeIsNotOneOfTheValues_thenReadingFails() {
        assertThatThrownBy(() -> json.readValue("\"REAUTHENTICATION\"", RegistrationType.class)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> json.readValue("\"THREE_GPP_ACCESS\"", DeregistrationAccessType.class)).isInstanceOf(JacksonException.class);
    }

    private static final UeLocation WHERE = new UeLocation(new PlmnId("001", "01"), 1, "000000010", "gnb");

    @Test
    void whenActionsWithNgapCausesAreWrittenAndRead_thenTheyAreEqualAndTheCauseIsGroupAndValue() {
        UeSecurityCapability caps = new UeSecurityCapability(0xF0, 0x70, null);
        UeResult result = new UeResult(List.of(
                new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE),
                new UeAction.ReleaseUe(NgapCause.NAS_AUTHENTICATION_FAILURE),
                new UeAction.PduSessionResourceRelease(List.of(5), NgapCause.NAS_NORMAL_RELEASE, null),
                new UeAction.HandoverRequest("gnb-2", "INTRA_5GS", NgapCause.RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON, List.of(),
                        "c0", List.of(new Snssai(1, null)), caps),
                new UeAction.HandoverPreparationFailure(NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET),
                new UeAction.PathSwitchRequestFailure(new NgapCause(NgapCause.Group.TRANSPORT, 0)),
                new UeAction.HandoverPreparationFailure(NgapCause.PROTOCOL_TRANSFER_SYNTAX_ERROR),
                new UeAction.HandoverPreparationFailure(NgapCause.MISC_UNSPECIFIED),
                new UeAction.ErrorIndication(NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE),
                new UeAction.HandoverCancelAcknowledge()), GmmState.DEREGISTRATION_PENDING);
        String text = json.writeValueAsString(result);
        assertThat(text).contains("{\"action\":\"RELEASE_UE\",\"cause\":{\"group\":\"nas\",\"value\":0}}")
                .contains("\"cause\":{\"group\":\"radioNetwork\",\"value\":16}")
                .contains("\"cause\":{\"group\":\"transport\",\"value\":0}")
                .contains("\"cause\":{\"group\":\"protocol\",\"value\":0}")
                .contains("\"cause\":{\"group\":\"misc\",\"value\":5}");
        assertThat(json.readValue(text, UeResult.class)).isEqualTo(result);
    }

    @Test
    void whenN2EventsWithNgapCausesAreWrittenAndRead_thenTheyAreEqual() {
        var transfer = new PduSessionResourceSetupResponseTransfer(UpTransportLayerInformation.of("10.0.0.1", 7), List.of(1), List.of());
        List<UeN2Event> events = List.of(
                new UeN2Event.UeContextReleaseRequest(NgapCause.RADIO_NETWORK_USER_INACTIVITY, List.of(1, 2)),
                new UeN2Event.HandoverRequired("INTRA_5GS", NgapCause.RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON, "gnb-2",
                        new DownlinkNas.Tai(new PlmnId("001", "01"), 2), List.of(1), "c0"),
                new UeN2Event.HandoverFailed(new NgapCause(NgapCause.Group.RADIO_NETWORK, 13)),
                new UeN2Event.HandoverFailed(null),
                new UeN2Event.PduSessionResourcesSetUp(false, List.of(new UeN2Event.SetUpSession(1, transfer)),
                        List.of(new UeN2Event.FailedSession(2, NgapCause.RADIO_NETWORK_RADIO_RESOURCES_NOT_AVAILABLE))),
                new UeN2Event.HandoverRequestAcknowledged(List.of(), List.of(new UeN2Event.FailedSession(3, NgapCause.RADIO_NETWORK_UNSPECIFIED)), "d0"),
                new UeN2Event.PduSessionResourcesModified(List.of(), List.of(new UeN2Event.FailedSession(4, NgapCause.PROTOCOL_TRANSFER_SYNTAX_ERROR))),
                new UeN2Event.PathSwitchRequest(List.of(), List.of(new UeN2Event.FailedSession(5, NgapCause.MISC_UNSPECIFIED))),
                new UeN2Event.NasTimerExpired(io.liquid5gc.sbi.amf.NasTimerId.T3522),
                new UeN2Event.HandoverCancelled(new NgapCause(NgapCause.Group.RADIO_NETWORK, 10)));
        for (UeN2Event e : events) {
            UeRequest r = UeRequest.n2("42", WHERE, e);
            assertThat(json.readValue(json.writeValueAsString(r), UeRequest.class)).isEqualTo(r);
        }
    }

    @Test
    void whenTheJsonNamesACauseOutsideTheContract_thenItIsNotRead() {
        String outOfRange = "{\"actions\":[{\"action\":\"RELEASE_UE\",\"cause\":{\"group\":\"nas\",\"value\":5}}],\"gmmState\":\"REGISTERED\"}";
        String noSuchGroup = "{\"actions\":[{\"action\":\"RELEASE_UE\",\"cause\":{\"group\":\"NAS\",\"value\":0}}],\"gmmState\":\"REGISTERED\"}";
        String noCause = "{\"actions\":[{\"action\":\"RELEASE_UE\"}],\"gmmState\":\"REGISTERED\"}";
        String text = "{\"actions\":[{\"action\":\"RELEASE_UE\",\"cause\":\"nas: normal-release\"}],\"gmmState\":\"REGISTERED\"}";
        for (String bad : List.of(outOfRange, noSuchGroup, noCause, text)) {
            assertThatThrownBy(() -> json.readValue(bad, UeResult.class)).as(bad).isInstanceOf(JacksonException.class);
        }
    }
}
