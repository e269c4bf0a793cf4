package io.liquid5gc.amf.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.amf.context.UeSessions;
import io.liquid5gc.amf.context.UeSessions.UpState;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.smf.PduSessionReleaseRequest;
import io.liquid5gc.sbi.smf.PduSessionUpdateRequest;
import io.liquid5gc.sbi.smf.SmfApi;
import org.junit.jupiter.api.Test;

/** What other procedures do to a UE's PDU sessions at the SMF: release them all, deactivate their user plane. */
class SmfSessionsTest {

    private final AmfSessionTestBed bed = new AmfSessionTestBed();
    private final RecordingSmf smf = bed.smf;

    @Test
    void whenReleasingAll_thenEverySessionIsReleasedAtItsSmfAndForgotten() {
        bed.registered("1");
        String ref6 = bed.establish("1", 6);
        String ref2 = bed.establish("1", 2);

        var released = bed.smfSessions.releaseAll("1", "UE_INITIATED_DEREGISTRATION");

        assertThat(released).containsExactly(2, 6);
        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactlyInAnyOrder(
                new PduSessionReleaseRequest(ref2, "UE_INITIATED_DEREGISTRATION"), new PduSessionReleaseRequest(ref6, "UE_INITIATED_DEREGISTRATION"));
        assertThat(smf.contexts).isEmpty();
        assertThat(bed.sessions.load("1").sessions()).isEmpty();
        assertThat(bed.store.get("amf/sessions/1")).isEmpty();
    }

    @Test
    void whenReleasingAllOfAUeWithoutSessions_thenTheSmfIsNotCalled() {
        assertThat(bed.smfSessions.releaseAll("1", "UE_INITIATED_DEREGISTRATION")).isEmpty();
        assertThat(smf.calls).isEmpty();
    }

    @Test
    void whenTheSmfAlreadyForgotASession_thenReleasingAllGoesOn() {
        bed.registered("1");
        String ref1 = bed.establish("1", 1);
        bed.establish("1", 2);
        smf.contexts.remove(ref1);

        assertThat(bed.smfSessions.releaseAll("1", "X")).containsExactly(1, 2);
        assertThat(smf.contexts).isEmpty();
        assertThat(bed.sessions.load("1").sessions()).isEmpty();
    }

    @Test
    void whenReleasingOneSmContext_thenItIsGoneAtTheSmfAndOneAlreadyGoneCountsAsReleased() {
        bed.registered("1");
        String ref = bed.establish("1", 1);

        bed.smfSessions.release(ref, "REL_DUE_TO_HO");
        bed.smfSessions.release(ref, "REL_DUE_TO_HO");

        assertThat(smf.requests(SmfApi.PDU_SESSION_RELEASE)).containsExactly(new PduSessionReleaseRequest(ref, "REL_DUE_TO_HO"),
                new PduSessionReleaseRequest(ref, "REL_DUE_TO_HO"));
        assertThat(smf.contexts).isEmpty();
    }

    @Test
    void whenTheSmfFailsOtherwise_thenTheErrorReachesTheCallerAndTheSessionsAreKept() {
        bed.registered("1");
        bed.establish("1", 1);
        FunctionClient failing = new FunctionClient() {
            @Override
            public <I, O> O call(FunctionSpec<I, O> function, I request) {
                throw new ProblemException(503, "Service Unavailable", "INSUFFICIENT_RESOURCES", "overloaded");
            }

            @Override
            public boolean isEnabled(NfType nf) {
                return true;
            }

            @Override
            public Placement placementOf(NfType nf) {
                return Placement.LOCAL;
            }
        };

        assertThatThrownBy(() -> new SmfSessions(bed.sessions, failing).releaseAll("1", "X"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(503));
        assertThat(bed.sessions.load("1").ids()).containsExactly(1);
    }

    @Test
    void whenDeactivatingAll_thenActiveSessionsAreDeactivatedAtTheSmfAndReleasingOnesAreLeftAlone() {
        bed.registered("1");
        String active = bed.establish("1", 1);
        bed.establish("1", 2);
        bed.deactivate("1", 2);
        String releasing = bed.establish("1", 3);
        bed.sessions.update("1", all -> all.with(all.get(3).withUpState(UpState.RELEASING)));
        bed.relay.handle(AmfSessionTestBed.establishmentRequest("1", 4, 1)); // ACTIVATING: the gNB has not answered yet
        String activating = bed.session("1", 4).smContextRef();
        smf.calls.clear();

        bed.smfSessions.deactivateAll("1");

        assertThat(smf.requests(SmfApi.PDU_SESSION_UPDATE)).containsExactlyInAnyOrder(
                new PduSessionUpdateRequest(active, null, null, "DEACTIVATED"), new PduSessionUpdateRequest(activating, null, null, "DEACTIVATED"));
        UeSessions after = bed.sessions.load("1");
        assertThat(after.get(1).upState()).isEqualTo(UpState.DEACTIVATED);
        assertThat(after.get(2).upState()).isEqualTo(UpState.DEACTIVATED);
        assertThat(after.get(3).upState()).isEqualTo(UpState.RELEASING);
        assertThat(after.get(3).smContextRef()).isEqualTo(releasing);
        assertThat(after.get(4).upState()).isEqualTo(UpState.DEACTIVATED);
        assertThat(smf.contexts.get(active).upCnxState()).isEqualTo("DEACTIVATED");
    }
}
