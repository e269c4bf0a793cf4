package io.liquid5gc.runtime.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.cloud.function.adapter.aws.FunctionInvoker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes a function the way AWS Lambda does with an NF's aws jar: Spring Cloud Function's adapter handler
 * ({@code FunctionInvoker}) starting the NF's application without a web server, an API Gateway proxy event in, the
 * API Gateway response out. For the NF modules' Lambda tests (function-runtime's test-jar).
 */
public final class LambdaInvocation {

    private static final JsonMapper JSON = new JsonMapper();

    private LambdaInvocation() {
    }

    /** The API Gateway response ({@code statusCode}, {@code body}, ...) for a POST of {@code body} to the function. */
    public static JsonNode invoke(Class<?> application, String function, String body) throws Exception {
        return invoke(application, function, body, Map.of(), Map.of());
    }

    /**
     * As {@link #invoke(Class, String, String)}, with request headers (e.g. {@code Authorization}) in the event and
     * system properties set for the application while it starts (e.g. {@code liquid5gc.security.jwks}).
     */
    public static synchronized JsonNode invoke(Class<?> application, String function, String body, Map<String, String> headers,
                                               Map<String, String> properties) throws Exception {
        System.setProperty("MAIN_CLASS", application.getName());
        System.setProperty("spring.main.web-application-type", "none");
        properties.forEach(System::setProperty);
        try {
            FunctionInvoker handler = new FunctionInvoker(function);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Content-Type", "application/json");
            all.putAll(headers);
            String event = """
                    {"resource":"/%1$s","path":"/%1$s","httpMethod":"POST",
                     "headers":%3$s,
                     "requestContext":{"resourcePath":"/%1$s","httpMethod":"POST","stage":"prod"},
                     "body":%2$s,"isBase64Encoded":false}""".formatted(function, JSON.writeValueAsString(body), JSON.writeValueAsString(all));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext(function));
            return JSON.readTree(out.toByteArray());
        } finally {
            System.clearProperty("MAIN_CLASS");
            System.clearProperty("spring.main.web-application-type");
            properties.keySet().forEach(System::clearProperty);
        }
    }

    /** The response body parsed as JSON. */
    public static JsonNode body(JsonNode response) {
        return JSON.readTree(response.path("body").asString());
    }

    /** A Lambda context with just what the adapter reads. */
    private record TestContext(String function) implements Context {
        public String getAwsRequestId() { return "test-request"; }
        public String getLogGroupName() { return "test"; }
        public String getLogStreamName() { return "test"; }
        public String getFunctionName() { return function; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:local:0:function:" + function; }
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
