package io.liquid5gc.nssf;

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

/** nssf-slice-select invoked the way AWS Lambda invokes it (deploy/aws/template.yaml): the adapter's handler, an API Gateway event. */
class NssfAwsLambdaTest {

    private static final JsonMapper JSON = new JsonMapper();

    @BeforeAll
    static void lambdaEnvironment() {
        System.setProperty("MAIN_CLASS", NssfApplication.class.getName());
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
    void whenApiGatewayEventCallsNssfSliceSelect_thenTheSubscribedSliceServedInTheTaIsAllowed() throws Exception {
        JsonNode answer = invoke("nssf-slice-select", """
                {"nfType":"AMF","nfId":"amf-1",
                 "sliceInfoRequestForRegistration":{"subscribedNssai":[{"subscribedSnssai":{"sst":1,"sd":"010203"},"defaultIndication":true}],
                                                    "requestedNssai":[{"sst":1,"sd":"010203"},{"sst":9}]},
                 "homePlmnId":{"mcc":"001","mnc":"01"},"tai":{"plmnId":{"mcc":"001","mnc":"01"},"tac":"000001"}}""");
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.path("body").asString());
        JsonNode allowed = body.path("allowedNssaiList").path(0).path("allowedSnssaiList");
        assertThat(allowed.size()).isEqualTo(1);
        assertThat(allowed.path(0).path("allowedSnssai").path("sst").asInt()).isEqualTo(1);
        assertThat(allowed.path(0).path("allowedSnssai").path("sd").asString()).isEqualTo("010203");
        assertThat(body.path("rejectedNssaiInPlmn").path(0).path("sst").asInt()).isEqualTo(9);
    }

    /** A Lambda context with just what the adapter reads. */
    static final class TestContext implements Context {
        public String getAwsRequestId() { return "test-request"; }
        public String getLogGroupName() { return "test"; }
        public String getLogStreamName() { return "test"; }
        public String getFunctionName() { return "nssf-slice-select"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:local:0:function:nssf-slice-select"; }
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
