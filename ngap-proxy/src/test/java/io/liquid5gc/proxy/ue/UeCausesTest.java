package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.nas.codec.NasCodec;
import io.liquid5gc.nas.ie.MobileIdentity;
import io.liquid5gc.nas.ie.NgKsi;
import io.liquid5gc.nas.ie.Nssai;
import io.liquid5gc.nas.ie.PlmnId;
import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.nas.mm.GmmMessage;
import io.liquid5gc.ngap.codec.SmTransferCodec;
import io.liquid5gc.ngap.ie.Cause;
import io.liquid5gc.ngap.ie.CauseNas;
import io.liquid5gc.ngap.ie.CauseRadioNetwork;
import io.liquid5gc.ngap.ie.CauseTransport;
import io.liquid5gc.ngap.ie.NrCgi;
import io.liquid5gc.ngap.ie.Octets;
import io.liquid5gc.ngap.ie.PduSessionItem;
import io.liquid5gc.ngap.ie.PlmnIdentity;
import io.liquid5gc.ngap.ie.RrcEstablishmentCause;
import io.liquid5gc.ngap.ie.Tai;
import io.liquid5gc.ngap.ie.UserLocationInformation;
import io.liquid5gc.ngap.message.NasTransport;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ngap.message.UeContextRelease;
import io.liquid5gc.ngap.transfer.PduSessionResourceSetupUnsuccessfulTransfer;
import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.runtime.store.InMemoryKeyValueStore;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * NGAP causes (TS 38.413 9.3.1.2) between the gNB, the proxy and the AMF: a gNB's cause reaches the AMF as the same
 * NgapCause, the AMF's UE context release cause reaches the gNB as the same NGAP value, counted by its name.
 */
class UeCausesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HandoverSignallingTest.RecordingAmf amf = new HandoverSignallingTest.RecordingAmf();
    private final HandoverSignallingTest.Ran gnb = new HandoverSignallingTest.Ran("gnb-1");
    private final UeSignalling signalling = new UeSignalling(amf, new InMemoryKeyValueStore(Clock.systemUTC()), new JsonMapper(),
            ProxyProperties.defaults(), meters, new NasTimersTest.ManualScheduler());

    /** A UE whose Registration Request the AMF answers with an Identity Request: the proxy knows it; its AMF UE NGAP ID. */
    private long connectedUe(long ranUeNgapId) throws Exception {
        amf.answer(UplinkNas.RegistrationRequest.class, r -> new UeResult(List.of(new UeAction.SendNas(
                new DownlinkNas.IdentityRequest(io.liquid5gc.sbi.amf.MobileIdentity.Type.SUCI), UeAction.Protection.PLAIN)),
                GmmState.IDENTIFICATION_PENDING));
        GmmMessage.RegistrationRequest rr = GmmMessage.RegistrationRequest.initial(
                new MobileIdentity.Suci(new PlmnId("001", "01"), "0", 0, 0, new MobileIdentity.SchemeOutput.NullScheme("0000000001")),
                NgKsi.NO_KEY, new io.liquid5gc.nas.ie.UeSecurityCapability(0xF0, 0xF0, -1, -1, new byte[0]),
                new Nssai(List.of(SNssai.of(1, 0x010203))));
        signalling.handleInitialUeMessage(gnb, new NasTransport.InitialUeMessage(ranUeNgapId, Octets.wrap(NasCodec.encode(rr)), location(),
                RrcEstablishmentCause.MO_SIGNALLING, null, NgapMessage.ABSENT, false, null, List.of()));
        return ((NasTransport.DownlinkNasTransport) gnb.next()).amfUeNgapId();
    }

    private UeContextRelease.Command releaseRequested(Cause gnbCause, NgapCause amfCause, NgapCause expectedAtAmf) throws Exception {
        long amfUeNgapId = connectedUe(7);
        amf.answer(UeN2Event.UeContextReleaseRequest.class, r -> new UeResult(List.of(new UeAction.ReleaseUe(amfCause)), GmmState.REGISTERED));

        signalling.handleUeContextReleaseRequest(new UeContextRelease.Request(amfUeNgapId, 7, null, gnbCause, List.of()), gnb,
                () -> { throw new AssertionError("ids unknown"); });

        UeRequest toAmf = amf.requests.poll(10, TimeUnit.SECONDS);
        assertThat(toAmf.n2Event()).isEqualTo(new UeN2Event.UeContextReleaseRequest(expectedAtAmf, List.of()));
        return (UeContextRelease.Command) gnb.next();
    }

    private double released(String event) {
        var counter = meters.find("liquid5gc.proxy.ue.events").tag("event", event).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void whenTheGnbAsksForAReleaseAndTheAmfReleasesNormally_thenBothCausesCrossUnchanged() throws Exception {
        UeContextRelease.Command command = releaseRequested(CauseRadioNetwork.USER_INACTIVITY, NgapCause.NAS_NORMAL_RELEASE,
                NgapCause.RADIO_NETWORK_USER_INACTIVITY);

        assertThat(command.cause()).isEqualTo(CauseNas.NORMAL_RELEASE);
        assertThat(released("released_normal_release")).isEqualTo(1);
    }

    @Test
    void whenTheAmfReleasesForDeregistration_thenTheCommandSaysDeregister() throws Exception {
        assertThat(releaseRequested(CauseTransport.TRANSPORT_RESOURCE_UNAVAILABLE, NgapCause.NAS_DEREGISTER,
                new NgapCause(NgapCause.Group.TRANSPORT, 0)).cause()).isEqualTo(CauseNas.DEREGISTER);
        assertThat(released("released_deregister")).isEqualTo(1);
    }

    @Test
    void whenTheAmfReleasesForAnAuthenticationFailure_thenTheCommandSaysAuthenticationFailure() throws Exception {
        assertThat(releaseRequested(CauseNas.UNSPECIFIED, NgapCause.NAS_AUTHENTICATION_FAILURE, NgapCause.NAS_UNSPECIFIED).cause())
                .isEqualTo(CauseNas.AUTHENTICATION_FAILURE);
        assertThat(released("released_authentication_failure")).isEqualTo(1);
    }

    @Test
    void whenTheAmfReleasesWithACauseOfAnotherGroup_thenItIsSentAndCountedWithItsGroup() throws Exception {
        assertThat(releaseRequested(CauseRadioNetwork.RADIO_CONNECTION_WITH_UE_LOST, NgapCause.RADIO_NETWORK_UNSPECIFIED,
                new NgapCause(NgapCause.Group.RADIO_NETWORK, 21)).cause()).isEqualTo(CauseRadioNetwork.UNSPECIFIED);
        assertThat(released("released_radionetwork_unspecified")).isEqualTo(1);
    }

    @Test
    void whenTheGnbsCauseIsOfALaterRelease_thenTheAmfIsToldMiscUnspecified() throws Exception {
        assertThat(releaseRequested(new Cause.Unknown(Cause.Group.RADIO_NETWORK, 60), NgapCause.NAS_NORMAL_RELEASE, NgapCause.MISC_UNSPECIFIED)
                .cause()).isEqualTo(CauseNas.NORMAL_RELEASE);
    }

    @Test
    void whenSessionsFailed_thenEachHasItsTransfersCauseOrSaysWhyNot() {
        Octets withCause = SmTransferCodec.encode(new PduSessionResourceSetupUnsuccessfulTransfer(CauseRadioNetwork.RADIO_RESOURCES_NOT_AVAILABLE, null));
        Octets laterRelease = SmTransferCodec.encode(new PduSessionResourceSetupUnsuccessfulTransfer(new Cause.Unknown(Cause.Group.MISC, 9), null));

        List<UeN2Event.FailedSession> failed = N2Items.failed(List.of(PduSessionItem.withTransfer(1, withCause),
                PduSessionItem.withTransfer(2, Octets.of(0xFF)), PduSessionItem.withTransfer(3, null), PduSessionItem.withTransfer(4, laterRelease)));

        assertThat(failed).containsExactly(
                new UeN2Event.FailedSession(1, NgapCause.RADIO_NETWORK_RADIO_RESOURCES_NOT_AVAILABLE),
                new UeN2Event.FailedSession(2, NgapCause.PROTOCOL_TRANSFER_SYNTAX_ERROR),
                new UeN2Event.FailedSession(3, NgapCause.RADIO_NETWORK_UNSPECIFIED),
                new UeN2Event.FailedSession(4, NgapCause.MISC_UNSPECIFIED));
        assertThat(N2Items.failedUnspecified(List.of(PduSessionItem.withTransfer(5, null))))
                .containsExactly(new UeN2Event.FailedSession(5, NgapCause.RADIO_NETWORK_UNSPECIFIED));
    }

    private static UserLocationInformation location() {
        PlmnIdentity plmn = PlmnIdentity.of("001", "01");
        return new UserLocationInformation.Nr(new NrCgi(plmn, 0x10), new Tai(plmn, 1));
    }
}
