package io.liquid5gc.amf.service;

import static io.liquid5gc.amf.session.AmfSessionTestBed.CAPS;
import static io.liquid5gc.amf.session.AmfSessionTestBed.SLICE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.WHERE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.gnbTunnel;
import static io.liquid5gc.amf.session.AmfSessionTestBed.setUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.amf.session.AmfSessionTestBed;
import io.liquid5gc.amf.session.RecordingSmf;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.ServiceType;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** amf-service-request: AN release to CM-IDLE and the Service Request back, on the in-process store. */
class ServiceProcedureTest {

    private final AmfSessionTestBed bed = new AmfSessionTestBed();
    private final RecordingSmf smf = bed.smf;
    private final List<UeContext> givenBack = new ArrayList<>();
    private final ServiceProcedure procedure = new ServiceProcedure(bed.contexts, bed.sessions, bed.smfSessions, smf, givenBack::add);

    private static UeRequest serviceRequest(String ueId, boolean verified, ServiceType type, List<Integer> uplinkData, List<Integer> status) {
        return new UeRequest(ueId, WHERE, verified, new UplinkNas.ServiceRequest(type, 1,
                new MobileIdentity(MobileIdentity.Type.S_TMSI, "00400-0000002a"), uplinkData, status));
    }

    /** A registered UE with sessions 1 and 2, released to CM-IDLE (both DEACTIVATED). */
    private void idleUeWithTwoSessions() {
        bed.registered("1");
        bed.establish("1", 1);
        bed.establish("1", 2);
        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleaseRequest(NgapCause.RADIO_NETWORK_USER_INACTIVITY, List.of(1, 2))));
        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleased(List.of())));
        smf.calls.clear();
    }

    private static UeAction.InitialContextSetup ics(UeResult r) {
        assertThat(r.actions()).singleElement().isInstanceOf(UeAction.InitialContextSetup.class);
        return (UeAction.InitialContextSetup) r.actions().getFirst();
    }

    // ---- downlink data (TS 23.502 4.2.3.3)

    @Test
    void whenDownlinkDataWaitsForAnIdleUe_thenItIsPagedInItsTrackingAreas() {
        var tai = new io.liquid5gc.sbi.amf.DownlinkNas.Tai(new io.liquid5gc.sbi.common.PlmnId("001", "01"), 1);
        ServiceProcedure paging = new ServiceProcedure(bed.contexts, bed.sessions, bed.smfSessions, smf, givenBack::add, List.of(tai));
        idleUeWithTwoSessions();

        UeResult r = paging.handle(UeRequest.n2("1", WHERE, new UeN2Event.DownlinkData(1, false)));

        assertThat(r.actions()).singleElement().isInstanceOfSatisfying(UeAction.Page.class, p -> {
            assertThat(p.taiList()).containsExactly(tai);
            assertThat(p.guti()).isEqualTo(bed.contexts.load("1").context().guti());
        });
        assertThat(smf.calls).as("nothing asked of the SMF before the UE answers").isEmpty();
    }

    @Test
    void whenDownlinkDataArrivesForAConnectedOrUnregisteredUe_thenNobodyIsPaged() {
        idleUeWithTwoSessions();
        assertThat(procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.DownlinkData(1, true))).actions()).isEmpty();
        bed.registered("2");
        bed.contexts.save(bed.contexts.load("2"), bed.contexts.load("2").context().withState(io.liquid5gc.sbi.amf.GmmState.DEREGISTERED));
        assertThat(procedure.handle(UeRequest.n2("2", WHERE, new UeN2Event.DownlinkData(1, false))).actions()).isEmpty();
    }

    // ---- AN release

    @Test
    void whenGnbAsksToReleaseTheUe_thenTheSmfDeactivatesEachSessionAndTheUeIsReleased() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        String ref2 = bed.establish("1", 2);

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleaseRequest(NgapCause.RADIO_NETWORK_USER_INACTIVITY, List.of(1, 2))));

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactlyInAnyOrder(
                new PduSessionUpdateRequest(ref1, null, null, "DEACTIVATED"), new PduSessionUpdateRequest(ref2, null, null, "DEACTIVATED"));
        assertThat(bed.session("1", 1).upState()).isEqualTo(UpState.DEACTIVATED);
        assertThat(bed.session("1", 2).upState()).isEqualTo(UpState.DEACTIVATED);
        assertThat(smf.contexts.get(ref1).upCnxState()).isEqualTo("DEACTIVATED");
    }

    @Test
    void whenTheReleaseCompletesAfterTheAnRelease_thenTheSmfIsNotAskedAgain() {
        idleUeWithTwoSessions();

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleased(List.of())));

        assertThat(r.actions()).isEmpty();
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheConnectionIsGoneWithoutAnAnRelease_thenActiveSessionsAreDeactivated() {
        bed.registered("1");
        String ref = bed.establish("1", 1);

        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleased(List.of(1))));

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(new PduSessionUpdateRequest(ref, null, null, "DEACTIVATED"));
        assertThat(bed.session("1", 1).upState()).isEqualTo(UpState.DEACTIVATED);
    }

    // ---- Service Request

    @Test
    void whenUeHasUplinkDataForOneSession_thenOnlyThatOneIsReactivatedInTheInitialContextSetupWithTheServiceAccept() {
        idleUeWithTwoSessions();
        String ref1 = bed.session("1", 1).smContextRef();

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.DATA, List.of(1), List.of(1, 2)));

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactly(new PduSessionUpdateRequest(ref1, null, null, "ACTIVATING"));
        UeAction.InitialContextSetup ics = ics(r);
        assertThat(ics.nas()).isEqualTo(new DownlinkNas.ServiceAccept(List.of(1, 2), List.of()));
        assertThat(ics.allowedNssai()).containsExactly(SLICE);
        assertThat(ics.ueSecurityCapability()).isEqualTo(CAPS);
        assertThat(ics.pduSessions()).containsExactly(new UeAction.SessionSetup(1, SLICE, RecordingSmf.n2Of(smf.contexts.get(ref1)), null));
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        assertThat(bed.session("1", 1).upState()).isEqualTo(UpState.ACTIVATING);
        assertThat(bed.session("1", 2).upState()).isEqualTo(UpState.DEACTIVATED);
    }

    @Test
    void whenUeNoLongerHasASession_thenItIsReleasedAtTheSmfAndLeftOutOfTheAccept() {
        idleUeWithTwoSessions();
        String ref2 = bed.session("1", 2).smContextRef();

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.DATA, List.of(1), List.of(1)));

        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactly(new PduSessionReleaseRequest(ref2, "REL_DUE_TO_UE_STATUS"));
        assertThat(smf.contexts).doesNotContainKey(ref2);
        assertThat(bed.sessions.load("1").ids()).containsExactly(1);
        assertThat(ics(r).nas()).isEqualTo(new DownlinkNas.ServiceAccept(List.of(1), List.of()));
        assertThat(ics(r).pduSessions()).extracting(UeAction.SessionSetup::pduSessionId).containsExactly(1);
    }

    @Test
    void whenTheSmfCannotReactivateAWantedSession_thenTheReactivationResultMarksIt() {
        idleUeWithTwoSessions();
        smf.noN2OnActivation(bed.session("1", 2).smContextRef());

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.DATA, List.of(1, 2), List.of(1, 2)));

        assertThat(ics(r).nas()).isEqualTo(new DownlinkNas.ServiceAccept(List.of(1, 2), List.of(2)));
        assertThat(ics(r).pduSessions()).extracting(UeAction.SessionSetup::pduSessionId).containsExactly(1);
        assertThat(bed.session("1", 2).upState()).isEqualTo(UpState.DEACTIVATED);
    }

    @Test
    void whenServiceRequestIsForSignalling_thenNoSessionIsReactivated() {
        idleUeWithTwoSessions();

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.SIGNALLING, null, List.of(1, 2)));

        assertThat(smf.calls).isEmpty();
        assertThat(ics(r).pduSessions()).isEmpty();
        assertThat(ics(r).nas()).isEqualTo(new DownlinkNas.ServiceAccept(List.of(1, 2), null));
    }

    @Test
    void whenServiceRequestIsNotIntegrityVerified_thenServiceReject9AndRelease() {
        idleUeWithTwoSessions();

        UeResult r = procedure.handle(serviceRequest("1", false, ServiceType.DATA, List.of(1), List.of(1, 2)));

        assertThat(r.actions()).containsExactly(new UeAction.SendNas(new DownlinkNas.ServiceReject(9), Protection.PLAIN),
                new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
        assertThat(smf.calls).isEmpty();
        assertThat(bed.sessions.load("1").ids()).containsExactly(1, 2);
    }

    @Test
    void whenUeIsNotRegistered_thenServiceReject10() {
        UeResult r = procedure.handle(serviceRequest("5", true, ServiceType.DATA, null, null));

        assertThat(r.actions()).containsExactly(new UeAction.SendNas(new DownlinkNas.ServiceReject(10), Protection.PLAIN),
                new UeAction.ReleaseUe(NgapCause.NAS_NORMAL_RELEASE));
    }

    @Test
    void whenTheInitialContextSetupResponseCarriesTheTunnels_thenTheSmfGetsThemAsPduResSetupRspAndTheSessionsAreActive() {
        idleUeWithTwoSessions();
        String ref1 = bed.session("1", 1).smContextRef();
        String ref2 = bed.session("1", 2).smContextRef();
        procedure.handle(serviceRequest("1", true, ServiceType.DATA, List.of(1, 2), List.of(1, 2)));
        smf.calls.clear();

        UeResult r = procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.PduSessionResourcesSetUp(true,
                List.of(new UeN2Event.SetUpSession(1, gnbTunnel(1))), List.of(new UeN2Event.FailedSession(2, NgapCause.RADIO_NETWORK_UNSPECIFIED)))));

        assertThat(r.actions()).isEmpty();
        assertThat(smf.calls).extracting(RecordingSmf.Call::request).containsExactly(
                new PduSessionUpdateRequest(ref1, "PDU_RES_SETUP_RSP", gnbTunnel(1), null), new PduSessionUpdateRequest(ref2, null, null, "DEACTIVATED"));
        assertThat(bed.session("1", 1).upState()).isEqualTo(UpState.ACTIVE);
        assertThat(bed.session("1", 2).upState()).isEqualTo(UpState.DEACTIVATED);
        assertThat(smf.contexts.get(ref1).dlTunnel()).isEqualTo(gnbTunnel(1).dlNguUpTnlInformation());
    }

    @Test
    void whenThePagedUeHasAPendingNetworkDeregistration_thenItsSessionsAreReleasedAndItGetsTheDeregistrationRequest() {
        idleUeWithTwoSessions();
        bed.contexts.setPendingDeregistration("1", true, 0);

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.MOBILE_TERMINATED_SERVICES, null, List.of(1, 2)));

        assertThat(r.actions()).containsExactly(
                new UeAction.InitialContextSetup(new DownlinkNas.ServiceAccept(List.of(), null), List.of(SLICE), CAPS, List.of()),
                new UeAction.SendNas(new DownlinkNas.DeregistrationRequest(true, 0), Protection.PROTECTED));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTRATION_PENDING);
        assertThat(smf.functionsCalled()).containsExactly("smf-pdu-session-release", "smf-pdu-session-release");
        assertThat(smf.contexts).isEmpty();
        assertThat(bed.context("1").state()).as("until the UE's accept (or T3522's last expiry)").isEqualTo(GmmState.DEREGISTRATION_PENDING);
        assertThat(givenBack).extracting(UeContext::id).containsExactly("1");
        assertThat(bed.contexts.takePendingDeregistration("1")).isEmpty();
    }

    @Test
    void whenTheSmfNoLongerKnowsASessionTheUeDropped_thenTheServiceRequestIsStillAccepted() {
        idleUeWithTwoSessions();
        smf.contexts.remove(bed.session("1", 2).smContextRef());

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.DATA, List.of(1), List.of(1)));

        assertThat(ics(r).nas()).isEqualTo(new DownlinkNas.ServiceAccept(List.of(1), List.of()));
        assertThat(bed.sessions.load("1").ids()).containsExactly(1);
    }

    /**
     * Regression: a session the SMF lost (404 CONTEXT_NOT_FOUND on the ACTIVATING update) must not fail the whole
     * Service Request: it is dropped and marked not re-activated.
     */
    @Test
    void whenTheSmfNoLongerKnowsASessionToReactivate_thenTheServiceRequestIsStillAcceptedWithItMarkedNotReactivated() {
        idleUeWithTwoSessions();
        smf.contexts.remove(bed.session("1", 2).smContextRef());

        UeResult r = procedure.handle(serviceRequest("1", true, ServiceType.DATA, List.of(1, 2), List.of(1, 2)));

        assertThat(((DownlinkNas.ServiceAccept) ics(r).nas()).reactivationResult()).containsExactly(2);
        assertThat(ics(r).pduSessions()).extracting(UeAction.SessionSetup::pduSessionId).containsExactly(1);
    }

    @Test
    void whenTheN2ConnectionIsReleasedDuringAHandover_thenTheHandoverIsOver() {
        bed.registered("1");
        bed.save(bed.context("1").withHandover(io.liquid5gc.amf.context.HandoverState.PREPARING));

        procedure.handle(UeRequest.n2("1", WHERE, new UeN2Event.UeContextReleased(List.of())));

        assertThat(bed.context("1").handover()).isEqualTo(io.liquid5gc.amf.context.HandoverState.NONE);
        assertThat(bed.context("1").state()).isEqualTo(GmmState.REGISTERED);
    }

    @Test
    void whenAPduSessionSetupResponseOutsideAnInitialContextSetupArrives_thenConflict() {
        bed.registered("1");
        assertThatThrownBy(() -> procedure.handle(AmfSessionTestBed.setUp("1", false, 1)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
    }
}
