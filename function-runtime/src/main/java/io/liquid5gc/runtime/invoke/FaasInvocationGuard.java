package io.liquid5gc.runtime.invoke;

import io.liquid5gc.runtime.security.CallerAuthentication;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.cloud.function.context.catalog.FunctionAroundWrapper;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every invocation that arrives through Spring Cloud Function's catalog instead of the HTTP endpoint, that is the AWS
 * Lambda adapter ({@code FunctionInvoker} with an API Gateway event), goes through the same door as an HTTP call
 * (TS 33.501 13.4.1): the access token of the event's {@code Authorization} header is verified
 * ({@link CallerAuthentication}), the caller's consumer type checked against the authorization table, and the function
 * run by the {@link FunctionDispatcher} for that caller, so it is metered like any other invocation. Without this, a
 * function invoked by the adapter would see no caller bound and take it for trusted in-process code.
 *
 * <p>The answer is a message the adapter turns into the API Gateway response: {@code statusCode} and the JSON body,
 * or problem+json (401 with {@code WWW-Authenticate}, 403, 400, and the function's own problems). A client
 * certificate is never available here (API Gateway ends TLS), so mTLS-bound tokens cannot be checked: with
 * {@code liquid5gc.security.mtls.enabled=true} every such call is refused.
 */
public final class FaasInvocationGuard extends FunctionAroundWrapper {

    private final FunctionDispatcher dispatcher;
    private final ObjectMapper json;
    private final FunctionCall call;

    public FaasInvocationGuard(FunctionDispatcher dispatcher, CallerAuthentication authentication, ObjectMapper json, ServeProperties serve) {
        this.dispatcher = dispatcher;
        this.json = json;
        this.call = new FunctionCall(dispatcher, authentication, json, serve.placement());
    }

    @Override
    protected Object doApply(Object input, FunctionInvocationWrapper target) {
        String name = target.getFunctionDefinition();
        FunctionSpec<?, ?> spec = Functions.byName(name).orElse(null);
        if (spec == null || !dispatcher.isDeployed(name)) {
            return message(call.problem(null, ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND",
                    "no contract function named '" + (name == null ? "" : name) + "' is deployed in this process")));
        }
        Request request = requestOf(input);
        // no client certificate here: API Gateway ends TLS
        return message(call.run(spec, request.authorization(), null, request.body(), request.tenant()));
    }

    /** The answer as the message the adapter turns into the API Gateway response. */
    private static Message<byte[]> message(FunctionCall.Answer a) {
        MessageBuilder<byte[]> b = MessageBuilder.withPayload(a.body()).setHeader("statusCode", a.status())
                .setHeader("Content-Type", a.isProblem() ? ProblemDetails.MEDIA_TYPE : "application/json");
        if (a.wwwAuthenticate() != null) {
            b.setHeader("WWW-Authenticate", a.wwwAuthenticate());
        }
        return b.build();
    }

    /**
     * What the invocation carries: the {@code Authorization} header (null when none), the function's JSON input, and the
     * tenant the calling NF passed on ({@code Liquid5gc-Tenant}, null when none; the dispatcher decides whether to
     * believe it).
     */
    record Request(String authorization, byte[] body, String tenant) {
        Request(String authorization, byte[] body) {
            this(authorization, body, null);
        }
    }

    /**
     * The call in {@code input}: an API Gateway proxy event (REST API v1 or HTTP API v2: {@code headers}, {@code body},
     * {@code isBase64Encoded}; v1 keeps the client's header case, v2 lower-cases it) or, for any other invocation (a
     * direct Lambda invoke), the payload itself as the function input, which then has no token.
     */
    Request requestOf(Object input) {
        Object payload = input instanceof Message<?> m ? m.getPayload() : input;
        byte[] bytes = payload instanceof byte[] b ? b : payload instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        String fromHeaders = input instanceof Message<?> m ? header(m.getHeaders()) : null;
        if (bytes == null) {
            return new Request(fromHeaders, null);
        }
        JsonNode event;
        try {
            event = json.readTree(bytes);
        } catch (JacksonException e) {
            return new Request(fromHeaders, bytes); // not JSON: the function's parse gives the 400
        }
        boolean apiGateway = event.isObject() && event.has("requestContext")
                && (event.has("httpMethod") || event.has("routeKey"));
        if (!apiGateway) {
            return new Request(fromHeaders, bytes);
        }
        String authorization = fromHeaders;
        String tenant = null;
        JsonNode headers = event.path("headers");
        for (Map.Entry<String, JsonNode> h : headers.properties()) {
            if (h.getKey().equalsIgnoreCase("authorization") && h.getValue().isString()) {
                authorization = h.getValue().asString();
            } else if (h.getKey().equalsIgnoreCase(io.liquid5gc.runtime.metering.Tenancy.HEADER) && h.getValue().isString()) {
                tenant = h.getValue().asString();
            }
        }
        JsonNode body = event.path("body");
        if (!body.isString()) {
            return new Request(authorization, null, tenant);
        }
        String text = body.asString();
        byte[] decoded;
        try {
            decoded = event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = new byte[0];
        }
        return new Request(authorization, decoded, tenant);
    }

    private static String header(Map<String, Object> headers) {
        for (Map.Entry<String, Object> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("authorization") && h.getValue() != null) {
                return h.getValue().toString();
            }
        }
        return null;
    }
}
