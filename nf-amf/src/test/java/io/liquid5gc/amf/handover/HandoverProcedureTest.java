package io.liquid5gc.amf.handover;

import static io.liquid5gc.amf.session.AmfSessionTestBed.CAPS;
import static io.liquid5gc.amf.session.AmfSessionTestBed.SLICE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.WHERE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.gnbTunnel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.amf.context.HandoverState;
import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.amf.session.AmfSessionTestBed;
import io.liquid5gc.amf.session.RecordingSmf;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * amf-handover: N2 handover preparation, execution and notify with the AMF's handover state (a Notify, acknowledgement
 * or failure without a preparation is refused with an ERROR INDICATION), and the Xn path switch, on the in-process store.
 */
class HandoverProcedureTest {

    private static final String TARGET = "gnb-001-01-0000002";
    private static final NgapCause HO_FAILURE = NgapCause.RADIO_NETWORK_HO_FAILURE_IN_TARGET;
    /** radioNetwork no-radio-resources-available-in-target-cell (TS 38.413 9.3.1.2). */
    private static final NgapCause NO_RADIO_RESOURCES_IN_TARGET_CELL = new NgapCause(NgapCause.Group.RADIO_NETWORK, 13);

    private final AmfSessionTestBed bed = new AmfSessionTestBed();
    private final RecordingSmf smf = bed.smf;
    private final HandoverProcedure procedure = new HandoverProcedure(bed.contexts, bed.sessions, smf);

    private static UeRequest handoverRequired(String ueId, List<Integer> psis) {
        return UeRequest.n2(ueId, WHERE, new UeN2Event.HandoverRequired("INTRA_5GS", NgapCause.RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                TARGET, new DownlinkNas.Tai(new PlmnId("001", "01"), 1), psis, "0a0b0c"));
    }

    private static UeAction only(UeResult r) {
        assertThat(r.actions()).hasSize(1);
        return r.actions().getFirst();
    }

    @Test
    void whenSourceRequiresAHandover_thenTheTargetGetsAHandoverRequestWithTheSmfsSetupForEachSession() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        String ref2 = bed.establish("1", 2);

        UeResult r = procedure.handle(handoverRequired("1", List.of(1, 2)));

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(
                new PduSessionUpdateRequest(ref1, null, null, "ACTIVATING"), new PduSessionUpdateRequest(ref2, null, null, "ACTIVATING"));
        assertThat(only(r)).isEqualTo(new UeAction.HandoverRequest(TARGET, "INTRA_5GS", NgapCause.RADIO_NETWORK_HANDOVER_DESIRABLE_FOR_RADIO_REASON,
                List.of(new UeAction.SessionSetup(1, SLICE, RecordingSmf.n2Of(smf.contexts.get(ref1)), null),
                        new UeAction.SessionSetup(2, SLICE, RecordingSmf.n2Of(smf.contexts.get(ref2)), null)),
                "0a0b0c", List.of(SLICE), CAPS));
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
    }

    @Test
    void whenOnlySomeListedSessionsAreKnown_thenOnlyThoseAreHandedOver() {
        bed.registered("1");
        bed.establish("1", 1);
        bed.establish("1", 2);
        bed.sessions.update("1", all -> all.with(all.get(2).withUpState(UpState.RELEASING)));

        UeResult r = procedure.handle(handoverRequired("1", List.of(1, 2, 9)));

        assertThat(smf.calls).hasSize(1);
        assertThat(((UeAction.HandoverRequest) only(r)).sessions()).extracting(UeAction.SessionSetup::pduSessionId).containsExactly(1);
    }

    @Test
    void whenNoSessionCanBeHandedOver_thenHandoverPreparationFailureWithoutTheSmf() {
        bed.registered("1");

        UeResult r = procedure.handle(handoverRequired("1", List.of(3)));

        assertThat(only(r)).isEqualTo(new UeAction.HandoverPreparationFailure(HO_FAILURE));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheUeIsNotRegistered_thenHandoverPreparationFailure() {
        bed.save(bed.registered("1").withState(GmmState.REGISTRATION_COMPLETE_PENDING));

        UeResult r = procedure.handle(handoverRequired("1", List.of(1)));

        assertThat(only(r)).isEqualTo(new UeAction.HandoverPreparationFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheTargetAcknowledges_thenTheSmfsGetItsTunnelsAsHandoverReqAckAndTheSourceGetsTheCommand() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        bed.establish("1", 2);
        procedure.handle(handoverRequired("1", List.of(1, 2)));
        smf.calls.clear();

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverRequestAcknowledged(
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(7))), List.of(new UeN2Event.FailedSession(2, NgapCause.RADIO_NETWORK_UNSPECIFIED)), "d0d1")));

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(new PduSessionUpdateRequest(ref1, "HANDOVER_REQ_ACK", gnbTunnel(7), null));
        assertThat(smf.contexts.get(ref1).dlTunnel()).isEqualTo(gnbTunnel(7).dlNguUpTnlInformation());
        assertThat(only(r)).isEqualTo(new UeAction.HandoverCommand("INTRA_5GS", List.of(1), "d0d1"));
    }

    @Test
    void whenTheTargetOffersForwarding_thenTheCommandCarriesTheUpfsForwardingTunnelAndTheSmfHearsOfTheCompletion() {
        bed.registered("1");
        String ref = bed.establish("1", 1);
        bed.sessions.update("1", all -> all.with(all.get(1).withUpState(UpState.ACTIVE)));
        procedure.handle(handoverRequired("1", List.of(1)));
        var withForwarding = new io.liquid5gc.sbi.smf.PduSessionResourceSetupResponseTransfer(gnbTunnel(7).dlNguUpTnlInformation(), List.of(1),
                List.of(), io.liquid5gc.sbi.smf.UpTransportLayerInformation.of("10.200.1.7", 0xF0F0));

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverRequestAcknowledged(
                List.of(new UeN2Event.SetUpSession(1, withForwarding)), List.of(), "d0")));

        UeAction.HandoverCommand command = (UeAction.HandoverCommand) only(r);
        assertThat(command.forwarding()).singleElement().satisfies(f -> {
            assertThat(f.pduSessionId()).isEqualTo(1);
            assertThat(f.transfer().dlForwardingUpTnlInformation().transportLayerAddress()).isEqualTo(RecordingSmf.UPF_N3);
        });
        smf.calls.clear();
        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverNotified()));
        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(
                PduSessionUpdateRequest.handover(ref, PduSessionUpdateRequest.HoState.COMPLETED));
    }

    @Test
    void whenAPreparedHandoverIsCancelled_thenTheSmfsHearOfTheCancel() {
        bed.registered("1");
        String ref = bed.establish("1", 1);
        bed.sessions.update("1", all -> all.with(all.get(1).withUpState(UpState.ACTIVE)));
        procedure.handle(handoverRequired("1", List.of(1)));
        smf.calls.clear();

        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverCancelled(NgapCause.RADIO_NETWORK_UNSPECIFIED)));

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(
                PduSessionUpdateRequest.handover(ref, PduSessionUpdateRequest.HoState.CANCELLED));
    }

    @Test
    void whenTheTargetAdmitsNothing_thenHandoverPreparationFailure() {
        bed.registered("1");
        bed.establish("1", 1);
        procedure.handle(handoverRequired("1", List.of(1)));
        smf.calls.clear();

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverRequestAcknowledged(
                List.of(), List.of(new UeN2Event.FailedSession(1, NgapCause.RADIO_NETWORK_UNSPECIFIED)), "d0")));

        assertThat(only(r)).isEqualTo(new UeAction.HandoverPreparationFailure(HO_FAILURE));
        assertThat(smf.calls).isEmpty();
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.NONE);
    }

    @Test
    void whenTheTargetFails_thenTheSourceGetsThePreparationFailureWithItsCause() {
        bed.registered("1");
        bed.save(bed.context("1").withHandover(HandoverState.PREPARING));

        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverFailed(NO_RADIO_RESOURCES_IN_TARGET_CELL)))))
                .isEqualTo(new UeAction.HandoverPreparationFailure(NO_RADIO_RESOURCES_IN_TARGET_CELL));
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.NONE);
        bed.save(bed.context("1").withHandover(HandoverState.PREPARING));
        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverFailed(null)))))
                .isEqualTo(new UeAction.HandoverPreparationFailure(HO_FAILURE));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenAHandoverRunsItsCourse_thenTheContextIsPreparingThenExecutingThenNoneAgain() {
        bed.registered("1");
        bed.establish("1", 1);

        procedure.handle(handoverRequired("1", List.of(1)));
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.PREPARING);
        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverRequestAcknowledged(List.of(new UeN2Event.SetUpSession(1, gnbTunnel(7))),
                List.of(), "d0")));
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.EXECUTING);
        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverNotified())))).isEqualTo(new UeAction.ReleaseHandoverSource());
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.NONE);
        assertThat(bed.context("1").state()).as("5GMM state untouched").isEqualTo(GmmState.REGISTERED);
    }

    @Test
    void whenHandoverNotifyArrivesWithoutAPreparation_thenTheGnbGetsAnErrorIndicationAndNothingChanges() {
        bed.registered("1");
        bed.establish("1", 1);
        bed.sessions.update("1", all -> all.with(all.get(1).withUpState(UpState.ACTIVATING)));
        var before = bed.context("1");

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverNotified()));

        assertThat(only(r)).isEqualTo(new UeAction.ErrorIndication(NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE));
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        assertThat(bed.context("1")).isEqualTo(before);
        assertThat(bed.session("1", 1).upState()).as("no session moved").isEqualTo(UpState.ACTIVATING);
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenHandoverNotifyArrivesBeforeTheTargetAcknowledged_thenErrorIndication() {
        bed.registered("1");
        bed.establish("1", 1);
        procedure.handle(handoverRequired("1", List.of(1)));

        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverNotified()))))
                .isEqualTo(new UeAction.ErrorIndication(NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE));
        assertThat(bed.context("1").handover()).as("the preparation goes on").isEqualTo(HandoverState.PREPARING);
    }

    @Test
    void whenAnAcknowledgeOrFailureArrivesWithoutAPreparation_thenErrorIndicationWithoutTheSmf() {
        bed.registered("1");
        bed.establish("1", 1);
        smf.calls.clear();

        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverRequestAcknowledged(
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(7))), List.of(), "d0")))))
                .isEqualTo(new UeAction.ErrorIndication(NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE));
        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverFailed(null)))))
                .isEqualTo(new UeAction.ErrorIndication(NgapCause.PROTOCOL_MESSAGE_NOT_COMPATIBLE_WITH_RECEIVER_STATE));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheSourceRequiresAHandoverAgainWhileOneIsPrepared_thenItReplacesTheEarlierOne() {
        bed.registered("1");
        bed.establish("1", 1);
        procedure.handle(handoverRequired("1", List.of(1)));

        UeResult r = procedure.handle(handoverRequired("1", List.of(1)));

        assertThat(only(r)).isInstanceOf(UeAction.HandoverRequest.class);
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.PREPARING);
    }

    @Test
    void whenTheSourceCancelsAPreparedHandover_thenItIsAcknowledgedAndAPathSwitchIsTakenAgain() {
        bed.registered("1");
        bed.establish("1", 1);
        procedure.handle(handoverRequired("1", List.of(1)));

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverCancelled(new NgapCause(NgapCause.Group.RADIO_NETWORK, 10))));

        assertThat(only(r)).isEqualTo(new UeAction.HandoverCancelAcknowledge());
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.NONE);
        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PathSwitchRequest(
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(8))), List.of()))))).isInstanceOf(UeAction.PathSwitchRequestAcknowledge.class);
    }

    @Test
    void whenTheSourceCancelsAfterTheTargetFailed_thenTheCancelIsStillAcknowledged() {
        bed.registered("1");
        bed.save(bed.context("1").withHandover(HandoverState.PREPARING));
        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverFailed(null)));

        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverCancelled(NgapCause.RADIO_NETWORK_UNSPECIFIED)))))
                .isEqualTo(new UeAction.HandoverCancelAcknowledge());
        assertThat(bed.context("1").handover()).isEqualTo(HandoverState.NONE);
    }

    @Test
    void whenAPathSwitchArrivesDuringAnN2Handover_thenPathSwitchRequestFailureWithoutTheSmf() {
        bed.registered("1");
        bed.establish("1", 1);
        procedure.handle(handoverRequired("1", List.of(1)));
        smf.calls.clear();

        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PathSwitchRequest(
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(8))), List.of())))))
                .isEqualTo(new UeAction.PathSwitchRequestFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheTargetNotifies_thenTheSourceIsReleasedAndActivatingSessionsAreActive() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        bed.establish("1", 2);
        bed.deactivate("1", 2);
        bed.sessions.update("1", all -> all.with(all.get(1).withUpState(UpState.ACTIVATING)));
        bed.save(bed.context("1").withHandover(HandoverState.EXECUTING));
        smf.calls.clear();

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.HandoverNotified()));

        assertThat(only(r)).isEqualTo(new UeAction.ReleaseHandoverSource());
        assertThat(bed.session("1", 1).upState()).isEqualTo(UpState.ACTIVE);
        assertThat(bed.session("1", 2).upState()).isEqualTo(UpState.DEACTIVATED);
        // TS 23.502 4.9.1.3.3 step 8: the handed-over session's SMF hears of the completion, the deactivated one's not
        assertThat(smf.calls).extracting(RecordingSmf.Call::request).containsExactly(
                PduSessionUpdateRequest.handover(ref1, PduSessionUpdateRequest.HoState.COMPLETED));
    }

    @Test
    void whenTheTargetAsksForAPathSwitch_thenTheSmfsGetPathSwitchReqAndFailedSessionsAreReleased() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        String ref2 = bed.establish("1", 2);

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PathSwitchRequest(
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(8))), List.of(new UeN2Event.FailedSession(2, NgapCause.RADIO_NETWORK_UNSPECIFIED)))));

        assertThat(smf.calls).extracting(RecordingSmf.Call::request).containsExactly(
                new PduSessionUpdateRequest(ref1, "PATH_SWITCH_REQ", gnbTunnel(8), null), new PduSessionReleaseRequest(ref2, "REL_DUE_TO_HO"));
        assertThat(only(r)).isEqualTo(new UeAction.PathSwitchRequestAcknowledge(List.of(1), CAPS, List.of(SLICE)));
        assertThat(bed.sessions.load("1").ids()).containsExactly(1);
        assertThat(smf.contexts).containsOnlyKeys(ref1);
        assertThat(smf.contexts.get(ref1).dlTunnel()).isEqualTo(gnbTunnel(8).dlNguUpTnlInformation());
    }

    @Test
    void whenNothingCanBeSwitched_thenPathSwitchRequestFailure() {
        bed.registered("1");

        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PathSwitchRequest(
                List.of(new UeN2Event.SetUpSession(4, gnbTunnel(4))), List.of())))))
                .isEqualTo(new UeAction.PathSwitchRequestFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
        bed.save(bed.context("1").withState(GmmState.DEREGISTERED));
        assertThat(only(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PathSwitchRequest(List.of(), List.of())))))
                .isEqualTo(new UeAction.PathSwitchRequestFailure(NgapCause.RADIO_NETWORK_UNSPECIFIED));
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheEventIsNotPartOfAHandover_thenConflictOrBadRequest() {
        bed.registered("1");
        assertThatThrownBy(() -> procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleased(List.of()))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThatThrownBy(() -> procedure.handle(new UeRequest("1", WHERE, true, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void whenTheSmfNoLongerKnowsASessionTheTargetCouldNotTake_thenThePathSwitchIsStillAcknowledged() {
        bed.registered("1");
        bed.establish("1", 1);
        String ref2 = bed.establish("1", 2);
        smf.contexts.remove(ref2);

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PathSwitchRequest(
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(8))), List.of(new UeN2Event.FailedSession(2, NgapCause.RADIO_NETWORK_UNSPECIFIED)))));

        assertThat(only(r)).isInstanceOf(UeAction.PathSwitchRequestAcknowledge.class);
        assertThat(bed.sessions.load("1").ids()).containsExactly(1);
    }
}
