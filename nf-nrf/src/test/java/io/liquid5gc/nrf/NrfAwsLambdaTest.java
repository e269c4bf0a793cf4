package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The NRF's functions invoked the way AWS Lambda invokes them: through the adapter's handler, with API Gateway events. */
class NrfAwsLambdaTest {

    private static final JsonMapper JSON = new JsonMapper();

    @BeforeAll
    static void lambdaEnvironment() {
        System.setProperty("MAIN_CLASS", NrfApplication.class.getName());
        System.setProperty("spring.main.web-application-type", "none");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("MAIN_CLASS");
        System.clearProperty("spring.main.web-application-type");
    }

    private static JsonNode invoke(String function, String body) throws Exception {
        FunctionInvoker handler = new FunctionInvoker(function);
        String event = """
                {"resource":"/%1$s","path":"/%1$s","httpMethod":"POST",
                 "headers":{"Content-Type":"application/json"},
                 "requestContext":{"resourcePath":"/%1$s","httpMethod":"POST","stage":"prod"},
                 "body":%2$s,"isBase64Encoded":false}""".formatted(function, JSON.writeValueAsString(body));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext());
        return JSON.readTree(out.toByteArray());
    }

    @Test
    void whenApiGatewayEventCallsNrfRegister_thenTheProfileIsStoredAndDiscoverable() throws Exception {
        JsonNode registered = invoke("nrf-register", """
                {"nfInstanceId":"3f1c6a2e-2b7a-4d65-9a8e-0c5d1e2f3a4b","nfType":"AUSF","ipv4Addresses":["10.0.0.7"]}""");
        assertThat(registered.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = JSON.readTree(registered.path("body").asString());
        assertThat(body.path("created").asBoolean()).isTrue();
        assertThat(body.path("profile").path("nfStatus").asString()).isEqualTo("REGISTERED");
        assertThat(body.path("profile").path("heartBeatTimer").asInt()).isEqualTo(60);
    }

    /** A Lambda context with just what the adapter reads. */
    static final class TestContext implements Context {
        public String getAwsRequestId() { return "test-request"; }
        public String getLogGroupName() { return "test"; }
        public String getLogStreamName() { return "test"; }
        public String getFunctionName() { return "nrf-register"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:local:0:function:nrf-register"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 30_000; }
        public int getMemoryLimitInMB() { return 512; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { }
                public void log(byte[] message) { }
            };
        }
    }
}
