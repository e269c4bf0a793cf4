package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.aws.LambdaInvocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The NRF's functions invoked the way AWS Lambda invokes them: through the adapter's handler, with API Gateway events. */
class NrfAwsLambdaTest {

    @Test
    void whenApiGatewayEventCallsNrfRegister_thenTheProfileIsStoredAndDiscoverable() throws Exception {
        JsonNode registered = LambdaInvocation.invoke(NrfApplication.class, "nrf-register", """
                {"nfInstanceId":"3f1c6a2e-2b7a-4d65-9a8e-0c5d1e2f3a4b","nfType":"AUSF","ipv4Addresses":["10.0.0.7"]}""");
        assertThat(registered.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = LambdaInvocation.body(registered);
        assertThat(body.path("created").asBoolean()).isTrue();
        assertThat(body.path("profile").path("nfStatus").asString()).isEqualTo("REGISTERED");
        assertThat(body.path("profile").path("heartBeatTimer").asInt()).isEqualTo(60);
    }
}
