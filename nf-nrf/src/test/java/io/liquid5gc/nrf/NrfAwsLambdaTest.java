package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.aws.LambdaInvocation;
import io.liquid5gc.runtime.security.TestTokenIssuer;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.ConsumerType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The NRF's functions invoked the way AWS Lambda invokes them: through the adapter's handler, with API Gateway events,
 * and only for the caller the access token names (TS 33.501 13.4.1; the NRF's keys given as liquid5gc.security.jwks).
 */
class NrfAwsLambdaTest {

    static final String AUSF = "3f1c6a2e-2b7a-4d65-9a8e-0c5d1e2f3a4b";
    static final TestTokenIssuer KEYS = new TestTokenIssuer();

    static JsonNode register(String bearerOf) throws Exception {
        Map<String, String> headers = bearerOf == null ? Map.of() : Map.of("Authorization", "Bearer " + KEYS.issue(
                new AccessTokenReq(bearerOf, ConsumerType.AUSF, "NRF", null, "nnrf-nfm")).accessToken());
        return LambdaInvocation.invoke(NrfApplication.class, "nrf-register", """
                {"nfInstanceId":"%s","nfType":"AUSF","ipv4Addresses":["10.0.0.7"]}""".formatted(AUSF), headers,
                Map.of("liquid5gc.security.jwks", KEYS.publicJwks()));
    }

    @Test
    void whenApiGatewayEventWithTheAusfsTokenCallsNrfRegister_thenTheProfileIsStored() throws Exception {
        JsonNode registered = register(AUSF);
        assertThat(registered.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = LambdaInvocation.body(registered);
        assertThat(body.path("created").asBoolean()).isTrue();
        assertThat(body.path("profile").path("nfStatus").asString()).isEqualTo("REGISTERED");
        assertThat(body.path("profile").path("heartBeatTimer").asInt()).isEqualTo(60);
    }

    @Test
    void whenApiGatewayEventHasNoToken_thenNrfRegisterAnswers401() throws Exception {
        JsonNode answer = register(null);
        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(LambdaInvocation.body(answer).has("profile")).isFalse();
    }

    @Test
    void whenTheTokenNamesAnotherInstance_thenTheRegistrationIsRefused403() throws Exception {
        JsonNode answer = register("9a9a9a9a-0000-4000-8000-000000000001");
        assertThat(answer.path("statusCode").asInt()).isEqualTo(403);
        assertThat(LambdaInvocation.body(answer).has("profile")).isFalse();
    }
}
