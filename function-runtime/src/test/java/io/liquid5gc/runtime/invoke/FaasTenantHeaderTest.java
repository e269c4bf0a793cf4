package io.liquid5gc.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runtime.security.CallerAuthentication;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import tools.jackson.databind.json.JsonMapper;

/** On Lambda the tenant a calling NF passed on arrives as a header of the API Gateway event, in either case. */
class FaasTenantHeaderTest {

    private final FaasInvocationGuard guard = new FaasInvocationGuard(
            new FunctionDispatcher(new DefaultListableBeanFactory(), new SimpleMeterRegistry()), CallerAuthentication.NONE,
            new JsonMapper(), ServeProperties.defaults());

    @Test
    void whenTheApiGatewayEventCarriesTheTenantHeader_thenTheRequestHasItBesideTheToken() {
        String v1 = """
                {"resource":"/nrf-discover","httpMethod":"POST","requestContext":{"stage":"live"},
                 "headers":{"Authorization":"Bearer t","Liquid5gc-Tenant":"campus-a"},"body":"{}","isBase64Encoded":false}""";
        FaasInvocationGuard.Request r = guard.requestOf(v1);
        assertThat(r.authorization()).isEqualTo("Bearer t");
        assertThat(r.tenant()).isEqualTo("campus-a");
        String v2 = """
                {"routeKey":"POST /nrf-discover","requestContext":{"stage":"live"},
                 "headers":{"authorization":"Bearer t","liquid5gc-tenant":"campus-b"},"body":"{}"}""";
        assertThat(guard.requestOf(v2).tenant()).isEqualTo("campus-b");
        assertThat(guard.requestOf("{\"targetNfType\":\"UDM\"}").tenant()).as("a direct invoke has no headers").isNull();
    }
}
