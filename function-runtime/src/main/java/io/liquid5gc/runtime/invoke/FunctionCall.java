package io.liquid5gc.runtime.invoke;

import io.liquid5gc.runtime.placement.Placement;
import io.liquid5gc.runtime.security.AccessTokenVerifier;
import io.liquid5gc.runtime.security.CallerAuthentication;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import io.liquid5gc.sbi.security.Caller;
import java.security.cert.X509Certificate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * One invocation arriving from outside this process, the same whichever door it came through (the HTTP
 * {@link FunctionEndpoint}, the FaaS adapter's {@link FaasInvocationGuard}): the caller authenticated from its access
 * token (TS 33.501 13.4.1), the JSON body read as the function's input, the function run by the
 * {@link FunctionDispatcher} for that caller, and the answer encoded: the JSON result, or problem+json with
 * {@code instance} naming the function (401 with {@code WWW-Authenticate}, 403, 400, the function's own problems).
 */
final class FunctionCall {

    /** The encoded answer. */
    record Answer(int status, boolean isProblem, byte[] body, String wwwAuthenticate) {
    }

    private final FunctionDispatcher dispatcher;
    private final CallerAuthentication authentication;
    private final ObjectMapper json;
    private final Placement via;

    FunctionCall(FunctionDispatcher dispatcher, CallerAuthentication authentication, ObjectMapper json, Placement via) {
        this.dispatcher = dispatcher;
        this.authentication = authentication;
        this.json = json;
        this.via = via;
    }

    /**
     * @param authorization the {@code Authorization} header, null when absent
     * @param peer          the client's TLS certificate, null when none
     * @param body          the request body, null or empty when there is none
     */
    <I, O> Answer run(FunctionSpec<I, O> spec, String authorization, X509Certificate peer, byte[] body) {
        return run(spec, authorization, peer, body, null);
    }

    /** The same, with the tenant the calling NF passed on ({@code Liquid5gc-Tenant}; null when none): see the dispatcher. */
    <I, O> Answer run(FunctionSpec<I, O> spec, String authorization, X509Certificate peer, byte[] body, String tenant) {
        try {
            Caller caller;
            try {
                caller = authentication.authenticate(authorization, peer, spec);
            } catch (AccessTokenVerifier.Rejected e) {
                Answer a = problem(spec, e.problem());
                return new Answer(a.status(), true, a.body(), e.wwwAuthenticate());
            }
            if (body == null || body.length == 0) {
                return problem(spec, ProblemDetails.of(400, "Bad Request", "MANDATORY_IE_MISSING",
                        spec.name() + ": a JSON request body (" + spec.inputType().getSimpleName() + ") is required"));
            }
            I input;
            try {
                input = json.readValue(body, spec.inputType());
            } catch (JacksonException | IllegalArgumentException e) {
                return problem(spec, ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", spec.name()
                        + ": the body is not a valid " + spec.inputType().getSimpleName() + ": "
                        + (e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage())));
            }
            if (input == null) {
                return problem(spec, ProblemDetails.of(400, "Bad Request", "INVALID_MSG_FORMAT", spec.name() + ": null body"));
            }
            O out = dispatcher.invoke(spec, input, via, caller, tenant);
            return new Answer(200, false, json.writeValueAsBytes(out), null);
        } catch (ProblemException e) {
            return problem(spec, e.problem());
        }
    }

    /** A problem about one function ({@code spec} null: about none): {@code instance} names it unless the problem does. */
    Answer problem(FunctionSpec<?, ?> spec, ProblemDetails p) {
        ProblemDetails withInstance = p.instance() != null || spec == null ? p
                : new ProblemDetails(p.type(), p.title(), p.status(), p.detail(), "/" + spec.name(), p.cause(), p.invalidParams());
        return new Answer(p.status() == 0 ? 500 : p.status(), true, json.writeValueAsBytes(withInstance), null);
    }
}
