package io.liquid5gc.proxy.ue;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.proxy.ProxyProperties;
import io.liquid5gc.proxy.ue.AmfUnavailableAnswers.Answer;
import io.liquid5gc.sbi.amf.AmfApi;
import io.liquid5gc.sbi.amf.UplinkNas;
import io.liquid5gc.sbi.amf.UplinkSm;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import java.time.Duration;
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
