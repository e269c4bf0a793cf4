package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.ue.AmfUnavailableAnswers.Answer;
import io.liquid5gc.proxy.ue.AmfUnavailableAnswers.N2Answer;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.NgapCause;
import io.liquid5gc.sbi.amf.UeN2Event;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answer table of an unavailable AMF function (the end-to-end behaviour: all-in-one AmfUnavailableFaultTest). */
class AmfUnavailableAnswersTest {

    @Test
    void whenTheMessageCameVerified_thenTheUeIsRejectedAtNasLevelAndOtherwiseItsConnectionIsReleased() {
        UplinkNas authentication = new UplinkNas.AuthenticationResponse("00");
        UplinkNas service = new UplinkNas.ServiceRequest(null, 0, null, null, null);
        assertThat(AmfUnavailableAnswers.answerFor(authentication, false, AmfApi.INITIAL_REGISTRATION)).isEqualTo(Answer.RELEASE);
        assertThat(AmfUnavailableAnswers.answerFor(new UplinkNas.SecurityModeComplete(null, null), true, AmfApi.INITIAL_REGISTRATION))
                .isEqualTo(Answer.REGISTRATION_REJECT);
        assertThat(AmfUnavailableAnswers.answerFor(service, true, AmfApi.SERVICE_REQUEST)).isEqualTo(Answer.SERVICE_REJECT);
        assertThat(AmfUnavailableAnswers.answerFor(service, false, AmfApi.SERVICE_REQUEST)).isEqualTo(Answer.RELEASE);
        assertThat(AmfUnavailableAnswers.answerFor(new UplinkNas.UlNasTransport(1, "INITIAL_REQUEST", null, "internet",
                new UplinkSm.PduSessionReleaseRequest(1, 0)), true, AmfApi.PDU_SESSION_RELAY)).isEqualTo(Answer.SM_NOT_FORWARDED);
    }

    @Test
    void whenANetworkTimerRecoversTheProcedure_thenNothingIsSent() {
        assertThat(AmfUnavailableAnswers.answerFor(new UplinkNas.RegistrationComplete(), true, AmfApi.INITIAL_REGISTRATION)).isEqualTo(Answer.NONE);
        // the answer to the network's re-authentication: its T3560 runs again
        assertThat(AmfUnavailableAnswers.answerFor(new UplinkNas.AuthenticationResponse("00"), true, AmfApi.AUTH_INITIATE)).isEqualTo(Answer.NONE);
    }

    @Test
    void whenTheGnbWaitsOnTheUnavailableFunction_thenItIsAnsweredAndOtherwiseNothingIsSent() {
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.UeContextReleaseRequest(NgapCause.RADIO_NETWORK_USER_INACTIVITY, List.of(1))))
                .isEqualTo(N2Answer.AN_RELEASE);
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.HandoverRequired("INTRA_5GS", NgapCause.RADIO_NETWORK_USER_INACTIVITY, "gnb-1", null,
                List.of(1), null))).isEqualTo(N2Answer.HANDOVER_PREPARATION_FAILURE);
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.HandoverFailed(NgapCause.RADIO_NETWORK_USER_INACTIVITY)))
                .isEqualTo(N2Answer.HANDOVER_PREPARATION_FAILURE);
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.HandoverCancelled(NgapCause.RADIO_NETWORK_USER_INACTIVITY)))
                .isEqualTo(N2Answer.HANDOVER_CANCEL_ACKNOWLEDGE);
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.PathSwitchRequest(List.of(), List.of())))
                .isEqualTo(N2Answer.PATH_SWITCH_REQUEST_FAILURE);
        // the gNB waits for nothing: a resource response, the arrival at the target
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.PduSessionResourcesSetUp(false, List.of(), List.of()))).isEqualTo(N2Answer.NONE);
        assertThat(AmfUnavailableAnswers.answerFor(new UeN2Event.HandoverNotified())).isEqualTo(N2Answer.NONE);
    }

    @Test
    void whenTheFunctionGivesARetryAfter_thenTheBackOffIsItWithinTheConfiguredBounds() {
        ProxyProperties.AmfUnavailable s = ProxyProperties.bind(Map.of("amf-unavailable.max-back-off", "30s")).amfUnavailable();
        assertThat(s.backOffFor(Optional.empty())).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.backOffFor(Optional.of(Duration.ofSeconds(12)))).isEqualTo(Duration.ofSeconds(12));
        assertThat(s.backOffFor(Optional.of(Duration.ZERO))).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.backOffFor(Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(AmfUnavailableAnswers.isUnavailable(new ProblemException(ProblemDetails.of(503, null, null, null)))).isTrue();
        assertThat(AmfUnavailableAnswers.isUnavailable(new ProblemException(ProblemDetails.of(403, null, null, null)))).isFalse();
    }
}
