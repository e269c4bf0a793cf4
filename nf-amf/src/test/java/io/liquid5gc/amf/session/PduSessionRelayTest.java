package io.liquid5gc.amf.session;

import static io.liquid5gc.amf.session.AmfSessionTestBed.OTHER_SLICE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.SLICE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.SUPI;
import static io.liquid5gc.amf.session.AmfSessionTestBed.WHERE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.establishmentRequest;
import static io.liquid5gc.amf.session.AmfSessionTestBed.gnbTunnel;
import static io.liquid5gc.amf.session.AmfSessionTestBed.setUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.DownlinkSm;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.Cause5gsm;
import io.liquid5gc.sbi.smf.PduSessionCreateRequest;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** amf-pdu-session-relay step by step, on the in-process store, with a recording SMF stand-in. */
class PduSessionRelayTest {

    private final AmfSessionTestBed bed = new AmfSessionTestBed();
    private final RecordingSmf smf = bed.smf;
    private final PduSessionRelay relay = bed.relay;

    private static UeRequest ul(String ueId, int psi, UplinkSm sm) {
        return new UeRequest(ueId, WHERE, true, new UplinkNas.UlNasTransport(psi, null, null, null, sm));
    }

    private static UeAction.SendNas sendNas(UeResult r) {
        assertThat(r.actions()).singleElement().isInstanceOf(UeAction.SendNas.class);
        return (UeAction.SendNas) r.actions().getFirst();
    }

    // ---- establishment

    @Test
    void whenRegisteredUeAsksForAPduSession_thenTheSmfCreatesItAndTheGnbGetsTheSetupWithTheAcceptInADlNasTransport() {
        bed.registered("1");

        UeResult r = relay.handle(establishmentRequest("1", 5, 3));

        assertThat(smf.functionsCalled()).containsExactly("smf-pdu-session-create");
        PduSessionCreateRequest create = smf.requests(SmfApi.PDU_SESSION_CREATE).getFirst();
        assertThat(create).isEqualTo(new PduSessionCreateRequest(SUPI, 5, "internet", SLICE, "IPV4", "SSC_MODE_1",
                new PlmnId("001", "01"), "amf", "3GPP_ACCESS", null));
        RecordingSmf.SmContext ctx = smf.contexts.values().iterator().next();

        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        assertThat(r.actions()).singleElement().isInstanceOf(UeAction.PduSessionResourceSetup.class);
        UeAction.SessionSetup setup = ((UeAction.PduSessionResourceSetup) r.actions().getFirst()).sessions().getFirst();
        assertThat(((UeAction.PduSessionResourceSetup) r.actions().getFirst()).sessions()).hasSize(1);
        assertThat(setup.pduSessionId()).isEqualTo(5);
        assertThat(setup.sNssai()).isEqualTo(SLICE);
        assertThat(setup.transfer()).isEqualTo(RecordingSmf.n2Of(ctx));
        assertThat(setup.nas()).isInstanceOf(DownlinkNas.DlNasTransport.class);
        DownlinkNas.DlNasTransport dl = (DownlinkNas.DlNasTransport) setup.nas();
        assertThat(dl.pduSessionId()).isEqualTo(5);
        assertThat(dl.gmmCause()).isNull();
        DownlinkSm.EstablishmentAccept accept = (DownlinkSm.EstablishmentAccept) dl.sm();
        assertThat(accept.pti()).isEqualTo(3);
        assertThat(accept.accept().pduSessionId()).isEqualTo(5);
        assertThat(accept.accept().pduAddress().ipv4Addr()).isEqualTo(ctx.ueIp());
        assertThat(accept.accept().sNssai()).isEqualTo(SLICE);
        assertThat(accept.accept().dnn()).isEqualTo("internet");

        var stored = bed.session("1", 5);
        assertThat(stored.smContextRef()).isEqualTo(ctx.ref());
        assertThat(stored.upState()).isEqualTo(UpState.ACTIVATING);
        assertThat(stored.sNssai()).isEqualTo(SLICE);
        assertThat(stored.dnn()).isEqualTo("internet");
    }

    @Test
    void whenUeGivesNeitherDnnNorSlice_thenTheSmfIsAskedForTheDefaultDnnInTheFirstAllowedSlice() {
        bed.registered("1");

        relay.handle(new UeRequest("1", WHERE, true, new UplinkNas.UlNasTransport(1, "INITIAL_REQUEST", null, null,
                new UplinkSm.PduSessionEstablishmentRequest(1, null, null))));

        PduSessionCreateRequest create = smf.requests(SmfApi.PDU_SESSION_CREATE).getFirst();
        assertThat(create.dnn()).isEqualTo("internet");
        assertThat(create.sNssai()).isEqualTo(SLICE);
        assertThat(create.pduSessionType()).isNull();
        assertThat(bed.session("1", 1).dnn()).isEqualTo("internet");
    }

    @Test
    void whenSmfRejects_thenTheUeGetsTheEstablishmentRejectWithTheSmfsCauseAndNothingIsStored() {
        bed.registered("1");
        smf.rejectCreatesWith(Cause5gsm.MISSING_OR_UNKNOWN_DNN);

        UeResult r = relay.handle(establishmentRequest("1", 2, 7));

        UeAction.SendNas send = sendNas(r);
        assertThat(send.protection()).isEqualTo(Protection.PROTECTED);
        assertThat(send.message()).isEqualTo(new DownlinkNas.DlNasTransport(2, new DownlinkSm.EstablishmentReject(7, 27, null), null));
        assertThat(bed.sessions.load("1").sessions()).isEmpty();
    }

    @Test
    void whenSliceIsOutsideTheAllowedNssai_thenPayloadNotForwarded90AndTheSmfIsNotCalled() {
        bed.registered("1");

        UeResult r = relay.handle(new UeRequest("1", WHERE, true, new UplinkNas.UlNasTransport(1, "INITIAL_REQUEST", OTHER_SLICE, "internet",
                new UplinkSm.PduSessionEstablishmentRequest(1, "IPV4", null))));

        assertThat(sendNas(r).message()).isEqualTo(new DownlinkNas.DlNasTransport(1, null, 90));
        assertThat(sendNas(r).protection()).isEqualTo(Protection.PROTECTED);
        assertThat(smf.calls).isEmpty();
        assertThat(bed.sessions.load("1").sessions()).isEmpty();
    }

    @Test
    void whenPduSessionIdIsOutOfRange_thenEstablishmentReject43WithoutTheSmf() {
        bed.registered("1");

        UeResult r = relay.handle(establishmentRequest("1", 0, 4));

        assertThat(sendNas(r).message()).isEqualTo(new DownlinkNas.DlNasTransport(0, new DownlinkSm.EstablishmentReject(4, 43, null), null));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenUlNasTransportIsNotIntegrityVerified_thenForbiddenAndTheSmfIsNotCalled() {
        bed.registered("1");
        UeRequest unverified = new UeRequest("1", WHERE, false, establishmentRequest("1", 1, 1).message());

        assertThatThrownBy(() -> relay.handle(unverified)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(403);
            assertThat(e.problem().cause()).isEqualTo("UE_NOT_REGISTERED_OR_NOT_PROTECTED");
        });
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenUeIsNotRegistered_thenForbiddenAndTheSmfIsNotCalled() {
        bed.save(bed.registered("1").withState(GmmState.REGISTRATION_COMPLETE_PENDING));

        assertThatThrownBy(() -> relay.handle(establishmentRequest("1", 1, 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThatThrownBy(() -> relay.handle(establishmentRequest("unknown", 1, 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(403));
        assertThat(smf.calls).isEmpty();
    }

    // ---- the gNB's answers

    @Test
    void whenGnbSetsTheSessionUp_thenTheSmfGetsItsTunnelAsPduResSetupRspAndTheSessionIsActive() {
        bed.registered("1");
        relay.handle(establishmentRequest("1", 5, 1));
        String ref = bed.session("1", 5).smContextRef();

        UeResult r = relay.handle(setUp("1", false, 5));

        assertThat(r.actions()).isEmpty();
        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(new PduSessionUpdateRequest(ref, "PDU_RES_SETUP_RSP", gnbTunnel(5), null));
        assertThat(bed.session("1", 5).upState()).isEqualTo(UpState.ACTIVE);
        assertThat(smf.contexts.get(ref).dlTunnel()).isEqualTo(gnbTunnel(5).dlNguUpTnlInformation());
    }

    @Test
    void whenGnbFailsToSetTheSessionUp_thenTheSmfReleasesItAndTheAmfForgetsIt() {
        bed.registered("1");
        relay.handle(establishmentRequest("1", 5, 1));
        String ref = bed.session("1", 5).smContextRef();

        UeResult r = relay.handle(UeRequest.n2("1", WHERE, new UeN2Event.PduSessionResourcesSetUp(false, List.of(),
                List.of(new UeN2Event.FailedSession(5, NgapCause.RADIO_NETWORK_RADIO_RESOURCES_NOT_AVAILABLE)))));

        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactly(new PduSessionReleaseRequest(ref, "PDU_RES_SETUP_FAIL"));
        assertThat(smf.contexts).doesNotContainKey(ref);
        assertThat(bed.session("1", 5)).isNull();
        // the UE never got the accept (it was in the failed item): it gets the reject for its request, same PTI, #38
        assertThat(sendNas(r).message()).isEqualTo(new DownlinkNas.DlNasTransport(5, new DownlinkSm.EstablishmentReject(1, 38, null), null));
    }

    @Test
    void whenGnbAnswersForASessionTheAmfDoesNotKnow_thenNothingGoesToTheSmf() {
        bed.registered("1");

        UeResult r = relay.handle(setUp("1", false, 9));

        assertThat(r.actions()).isEmpty();
        assertThat(smf.calls).isEmpty();
    }

    // ---- UE-requested release

    @Test
    void whenUeAsksToReleaseAnActiveSession_thenTheSmfReleasesItAndTheGnbGetsTheResourceReleaseWithTheCommand36() {
        bed.registered("1");
        String ref = bed.establish("1", 5);

        UeResult r = relay.handle(ul("1", 5, new UplinkSm.PduSessionReleaseRequest(9, 0)));

        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactly(new PduSessionReleaseRequest(ref, "UE_INITIATED"));
        assertThat(r.actions()).containsExactly(new UeAction.PduSessionResourceRelease(List.of(5), NgapCause.NAS_NORMAL_RELEASE,
                new DownlinkNas.DlNasTransport(5, new DownlinkSm.ReleaseCommand(9, 36), null)));
        assertThat(bed.session("1", 5).upState()).isEqualTo(UpState.RELEASING);
    }

    // ---- network-requested release (the SMF released the session itself, e.g. quota used up)

    @Test
    void whenTheSmfReleasedAConnectedUesSession_thenTheGnbGetsTheResourceReleaseWithTheCommandAndTheSmfIsNotCalled() {
        bed.registered("1");
        bed.establish("1", 5);
        smf.calls.clear();

        UeResult r = relay.handle(UeRequest.n2("1", WHERE, new UeN2Event.NetworkPduSessionRelease(5, 36, true)));

        assertThat(r.actions()).containsExactly(new UeAction.PduSessionResourceRelease(List.of(5), NgapCause.NAS_NORMAL_RELEASE,
                new DownlinkNas.DlNasTransport(5, new DownlinkSm.ReleaseCommand(0, 36), null)));
        assertThat(bed.session("1", 5).upState()).isEqualTo(UpState.RELEASING);
        assertThat(smf.calls).as("already released at the SMF").isEmpty();
    }

    @Test
    void whenTheSmfReleasedAnIdleUesSession_thenItIsDroppedWithoutPaging() {
        bed.registered("1");
        bed.establish("1", 5);
        bed.establish("1", 6);

        UeResult r = relay.handle(UeRequest.n2("1", WHERE, new UeN2Event.NetworkPduSessionRelease(5, 36, false)));

        assertThat(r.actions()).isEmpty();
        assertThat(bed.sessions.load("1").ids()).containsExactly(6);
        assertThat(relay.handle(UeRequest.n2("1", WHERE, new UeN2Event.NetworkPduSessionRelease(9, 36, true))).actions())
                .as("a session the AMF does not know").isEmpty();
    }

    @Test
    void whenUeAsksToReleaseADeactivatedSession_thenOnlyTheNasCommandIsSent() {
        bed.registered("1");
        bed.establish("1", 5);
        bed.deactivate("1", 5);

        UeResult r = relay.handle(ul("1", 5, new UplinkSm.PduSessionReleaseRequest(2, 0)));

        assertThat(sendNas(r).message()).isEqualTo(new DownlinkNas.DlNasTransport(5, new DownlinkSm.ReleaseCommand(2, 36), null));
        assertThat(smf.functionsCalled()).containsExactly("smf-pdu-session-release");
    }

    @Test
    void whenTheSmfNoLongerKnowsTheSession_thenTheReleaseStillCommandsTheUe() {
        bed.registered("1");
        String ref = bed.establish("1", 5);
        smf.contexts.remove(ref);

        UeResult r = relay.handle(ul("1", 5, new UplinkSm.PduSessionReleaseRequest(2, 0)));

        assertThat(r.actions()).singleElement().isInstanceOf(UeAction.PduSessionResourceRelease.class);
        assertThat(bed.session("1", 5).upState()).isEqualTo(UpState.RELEASING);
    }

    @Test
    void whenUeAsksToReleaseAnUnknownSession_thenReleaseReject43WithoutTheSmf() {
        bed.registered("1");

        UeResult r = relay.handle(ul("1", 4, new UplinkSm.PduSessionReleaseRequest(6, 0)));

        assertThat(sendNas(r).message()).isEqualTo(new DownlinkNas.DlNasTransport(4, new DownlinkSm.ReleaseReject(6, 43), null));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenUeCompletesTheRelease_thenTheAmfForgetsTheSession() {
        bed.registered("1");
        bed.establish("1", 5);
        bed.establish("1", 6);
        relay.handle(ul("1", 5, new UplinkSm.PduSessionReleaseRequest(2, 0)));
        relay.handle(UeRequest.n2("1", WHERE, new UeN2Event.PduSessionResourcesReleased(List.of(5))));

        UeResult r = relay.handle(ul("1", 5, new UplinkSm.PduSessionReleaseComplete(2)));

        assertThat(r.actions()).isEmpty();
        assertThat(bed.sessions.load("1").ids()).containsExactly(6);
    }

    // ---- UE-requested modification

    @Test
    void whenUeAsksToModifyAnActiveSession_thenTheGnbGetsTheSmfsQosWithTheModificationCommand() {
        bed.registered("1");
        String ref = bed.establish("1", 5);

        UeResult r = relay.handle(ul("1", 5, new UplinkSm.PduSessionModificationRequest(4)));

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(
                new PduSessionUpdateRequest(ref, null, null, null, PduSessionUpdateRequest.MODIFICATION_REQUEST));
        assertThat(r.actions()).singleElement().isInstanceOfSatisfying(UeAction.PduSessionResourceModify.class, m -> {
            assertThat(m.pduSessionId()).isEqualTo(5);
            assertThat(m.qos()).isEqualTo(RecordingSmf.n2Of(smf.contexts.get(ref)));
            DownlinkSm.ModificationCommand c = (DownlinkSm.ModificationCommand) ((DownlinkNas.DlNasTransport) m.nas()).sm();
            assertThat(c.pti()).isEqualTo(4);
            assertThat(c.command().sessionAmbr()).isEqualTo(RecordingSmf.SESSION_AMBR);
        });
    }

    @Test
    void whenUeAsksToModifyAnUnknownSession_thenModificationReject43() {
        bed.registered("1");

        UeResult r = relay.handle(ul("1", 3, new UplinkSm.PduSessionModificationRequest(4)));

        assertThat(sendNas(r).message()).isEqualTo(new DownlinkNas.DlNasTransport(3, new DownlinkSm.ModificationReject(4, 43), null));
        assertThat(smf.calls).isEmpty();
    }

    // ---- malformed

    @Test
    void whenRequestHasNoContextIdOrNothingToRelay_thenBadRequest() {
        assertThatThrownBy(() -> relay.handle(new UeRequest(null, WHERE, true, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        bed.registered("1");
        assertThatThrownBy(() -> relay.handle(new UeRequest("1", WHERE, true, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
        assertThatThrownBy(() -> relay.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverNotified())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
    }
}
