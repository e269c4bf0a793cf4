package io.liquid5gc.amf.deregistration;

import static io.liquid5gc.amf.session.AmfSessionTestBed.GUTI;
import static io.liquid5gc.amf.session.AmfSessionTestBed.SLICE;
import static io.liquid5gc.amf.session.AmfSessionTestBed.SUPI;
import static io.liquid5gc.amf.session.AmfSessionTestBed.WHERE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.sbi.amf.GmmState;
import io.liquid5gc.amf.context.UeContext;
import io.liquid5gc.amf.session.AmfSessionTestBed;
import io.liquid5gc.amf.session.RecordingSmf;
import io.liquid5gc.sbi.amf.DownlinkNas;
import io.liquid5gc.sbi.amf.MobileIdentity;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeAction;
import io.liquid5gc.sbi.amf.UeAction.Protection;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UeRequest;
import io.liquid5gc.sbi.amf.UeResult;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.common.PlmnId;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** amf-deregistration: UE-originating (normal and switch-off) and network-initiated, on the in-process store. */
class DeregistrationProcedureTest {

    private record GivenBack(UeContext ue, List<Integer> released) {
    }

    private static final List<DownlinkNas.Tai> TAIS = List.of(new DownlinkNas.Tai(new PlmnId("001", "01"), 1));

    private final AmfSessionTestBed bed = new AmfSessionTestBed();
    private final RecordingSmf smf = bed.smf;
    private final List<GivenBack> givenBack = new ArrayList<>();
    private final DeregistrationProcedure procedure = new DeregistrationProcedure(bed.contexts, bed.smfSessions,
            (ue, released) -> givenBack.add(new GivenBack(ue, released)), TAIS);

    private static UeRequest deregistration(String ueId, boolean verified, boolean switchOff) {
        return new UeRequest(ueId, WHERE, verified, new UplinkNas.DeregistrationRequest(switchOff, io.liquid5gc.sbi.amf.DeregistrationAccessType.THREE_GPP_ACCESS, 1, MobileIdentity.guti(GUTI)));
    }

    @Test
    void whenRegisteredUeDeregisters_thenItsSessionsAreReleasedAtTheSmfAndItGetsTheAcceptThenTheRelease() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        String ref2 = bed.establish("1", 2);

        UeResult r = procedure.handle(deregistration("1", true, false));

        assertThat(r.actions()).containsExactly(new UeAction.SendNas(new DownlinkNas.DeregistrationAccept(), Protection.PROTECTED),
                new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactlyInAnyOrder(
                new PduSessionReleaseRequest(ref1, "UE_INITIATED_DEREGISTRATION"), new PduSessionReleaseRequest(ref2, "UE_INITIATED_DEREGISTRATION"));
        assertThat(smf.contexts).isEmpty();
        assertThat(bed.sessions.load("1").sessions()).isEmpty();
        assertThat(bed.context("1").state()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(bed.context("1").supi()).isEqualTo(SUPI);
        assertThat(givenBack).singleElement().satisfies(g -> {
            assertThat(g.ue().state()).isEqualTo(GmmState.REGISTERED);
            assertThat(g.ue().allowedNssai()).containsExactly(SLICE);
            assertThat(g.released()).containsExactly(1, 2);
        });
    }

    @Test
    void whenUeSwitchesOff_thenNoAcceptIsSentButEverythingIsReleased() {
        bed.registered("1");
        bed.establish("1", 1);

        UeResult r = procedure.handle(deregistration("1", true, true));

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER));
        assertThat(smf.functionsCalled()).containsExactly("smf-pdu-session-release");
        assertThat(bed.context("1").state()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(givenBack).hasSize(1);
    }

    @Test
    void whenRegisteredUesRequestIsNotIntegrityVerified_thenForbiddenAndItStaysRegisteredWithItsSessions() {
        bed.registered("1");
        String ref = bed.establish("1", 1);

        assertThatThrownBy(() -> procedure.handle(deregistration("1", false, true))).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(403);
            assertThat(e.problem().cause()).isEqualTo("INTEGRITY_CHECK_FAILED");
        });
        assertThat(smf.calls).isEmpty();
        assertThat(smf.contexts).containsKey(ref);
        assertThat(bed.session("1", 1)).isNotNull();
        assertThat(bed.context("1").state()).isEqualTo(GmmState.REGISTERED);
        assertThat(givenBack).isEmpty();
    }

    @Test
    void whenTheAmfKnowsNothingOfTheUe_thenItIsAcceptedAndReleasedWithoutTheSmf() {
        UeResult r = procedure.handle(deregistration("77", false, false));

        assertThat(r.actions()).containsExactly(new UeAction.SendNas(new DownlinkNas.DeregistrationAccept(), Protection.PROTECTED),
                new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER));
        assertThat(smf.calls).isEmpty();
        assertThat(givenBack).isEmpty();
    }

    @Test
    void whenUeInTheMiddleOfRegistrationDeregisters_thenNothingIsGivenBackToTheSliceCounters() {
        bed.save(bed.registered("1").withState(GmmState.REGISTRATION_COMPLETE_PENDING));

        UeResult r = procedure.handle(deregistration("1", true, false));

        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(bed.context("1").state()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(givenBack).isEmpty();
    }

    @Test
    void whenTheNetworkDeregistersAConnectedUe_thenItsSessionsAreReleasedAndItGetsTheDeregistrationRequest() {
        bed.registered("1");
        String ref = bed.establish("1", 1);

        UeResult r = procedure.handle(UeRequest.n2("1", null, new UeN2Event.NetworkDeregistration(true, 0, true)));

        assertThat(r.actions()).containsExactly(new UeAction.SendNas(new DownlinkNas.DeregistrationRequest(true, 0), Protection.PROTECTED));
        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactly(new PduSessionReleaseRequest(ref, "NETWORK_INITIATED_DEREGISTRATION"));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTRATION_PENDING);
        assertThat(bed.context("1").state()).as("5GMM-DEREGISTERED-INITIATED until the accept").isEqualTo(GmmState.DEREGISTRATION_PENDING);
        assertThat(givenBack).hasSize(1);
    }

    @Test
    void whenTheNetworkDeregistersAnIdleUe_thenItIsPagedAndTheDeregistrationWaits() {
        bed.registered("1");
        bed.establish("1", 1);

        UeResult r = procedure.handle(UeRequest.n2("1", null, new UeN2Event.NetworkDeregistration(false, 22, false)));

        assertThat(r.actions()).containsExactly(new UeAction.Page(GUTI, TAIS));
        assertThat(r.gmmState()).isEqualTo(GmmState.REGISTERED);
        assertThat(smf.calls).isEmpty();
        assertThat(bed.context("1").state()).isEqualTo(GmmState.REGISTERED);
        assertThat(bed.contexts.takePendingDeregistration("1")).hasValueSatisfying(p -> assertThat(p).containsExactly(0, 22));
    }

    @Test
    void whenTheNetworkDeregistersAnUnregisteredUe_thenConflict() {
        assertThatThrownBy(() -> procedure.handle(UeRequest.n2("9", null, new UeN2Event.NetworkDeregistration(false, 0, true))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
    }

    @Test
    void whenUeAcceptsTheNetworksDeregistration_thenItIsReleased() {
        bed.registered("1");
        procedure.handle(UeRequest.n2("1", null, new UeN2Event.NetworkDeregistration(false, 0, true)));

        UeResult r = procedure.handle(new UeRequest("1", WHERE, true, new UplinkNas.DeregistrationAccept()));

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER));
        assertThat(bed.context("1").state()).isEqualTo(GmmState.DEREGISTERED);
    }

    @Test
    void whenTheMessageIsNotPartOfDeregistration_thenConflictOrBadRequest() {
        bed.registered("1");
        assertThatThrownBy(() -> procedure.handle(new UeRequest("1", WHERE, true, new UplinkNas.RegistrationComplete())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThatThrownBy(() -> procedure.handle(new UeRequest("1", WHERE, true, null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void whenT3522ExpiresWithoutTheUesAccept_thenTheUeIsDeregisteredLocallyAndReleased() {
        bed.registered("1");
        procedure.handle(UeRequest.n2("1", null, new UeN2Event.NetworkDeregistration(false, 0, true)));

        UeResult r = procedure.handle(UeRequest.n2("1", null, new UeN2Event.NasTimerExpired(io.liquid5gc.sbi.amf.NasTimerId.T3522)));

        assertThat(r.actions()).containsExactly(new UeAction.ReleaseUe(NgapCause.NAS_DEREGISTER));
        assertThat(r.gmmState()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(bed.context("1").state()).isEqualTo(GmmState.DEREGISTERED);
        assertThat(givenBack).as("given back once, when the request was sent").hasSize(1);
    }

    @Test
    void whenTheUesAcceptComesWithoutANetworkDeregistration_thenConflictAndItStaysRegistered() {
        bed.registered("1");

        assertThatThrownBy(() -> procedure.handle(new UeRequest("1", WHERE, true, new UplinkNas.DeregistrationAccept())))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(409));
        assertThat(bed.context("1").state()).isEqualTo(GmmState.REGISTERED);
    }
}
