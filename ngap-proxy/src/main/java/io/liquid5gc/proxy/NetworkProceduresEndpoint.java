package io.liquid5gc.proxy;

import io.liquid5gc.proxy.ue.UeSignalling;
import io.liquid5gc.runtime.operator.OperatorAudit;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The network's own procedures on a UE, for operators:
 * {@code POST /proxy/ues/{supi}/deregistration?reRegistrationRequired=false&cause=0} de-registers the UE from the
 * network side (TS 24.501 5.5.2.3; a CM-IDLE UE is paged first); {@code POST /proxy/ues/{supi}/authentication}
 * re-authenticates a connected UE (TS 33.501 6.1.2, {@code amf-auth-initiate}). 202 with what was done, 404
 * problem+json for an unknown SUPI, 409 when the UE is not registered or, for authentication, not connected.
 * Operators only: function-runtime's operator filter checks the credentials first ({@code /proxy/} is an operator API);
 * the SUPI must be one (TS 29.571 5.3.2: {@code imsi-<5..15 digits>} or {@code nai-<NAI>}), else 400 without echoing
 * it; every procedure started or refused is an audit line.
 */
final class NetworkProceduresEndpoint {

    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);

    /** TS 29.571 Supi: imsi-<5..15 digits>, or nai-<printable ASCII without spaces, at most 253>. */
    static final Pattern SUPI = Pattern.compile("imsi-\\d{5,15}|nai-[\\x21-\\x7e]{1,253}");
    private final UeSignalling signalling;

    NetworkProceduresEndpoint(UeSignalling signalling) {
        this.signalling = signalling;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/proxy/ues/{supi}/deregistration", this::handleDeregistration)
                .POST("/proxy/ues/{supi}/authentication", this::handleAuthentication)
                .build();
    }

    private Mono<ServerResponse> handleDeregistration(ServerRequest request) {
        String supi = request.pathVariable("supi");
        if (!SUPI.matcher(supi).matches()) {
            return badSupi(request, "network.deregistration");
        }
        boolean reRegister = request.queryParam("reRegistrationRequired").map(Boolean::parseBoolean).orElse(false);
        int cause;
        try {
            cause = request.queryParam("cause").map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return problem(ProblemDetails.of(400, "Bad Request", "INVALID_QUERY_PARAM", "cause must be a 5GMM cause number"));
        }
        if (cause < 0 || cause > 255) {
            return problem(ProblemDetails.of(400, "Bad Request", "INVALID_QUERY_PARAM", "cause must be 0..255 (TS 24.501 9.11.3.2)"));
        }
        return audited(request, "network.deregistration", supi, answer(supi, signalling.deregister(supi, reRegister, cause)));
    }

    private Mono<ServerResponse> handleAuthentication(ServerRequest request) {
        String supi = request.pathVariable("supi");
        if (!SUPI.matcher(supi).matches()) {
            return badSupi(request, "network.authentication");
        }
        return audited(request, "network.authentication", supi, answer(supi, signalling.authenticate(supi)));
    }

    private static Mono<ServerResponse> badSupi(ServerRequest request, String action) {
        return audited(request, action, null, problem(ProblemDetails.of(400, "Bad Request", "MANDATORY_IE_INCORRECT",
                "the path must name a SUPI: imsi-<5 to 15 digits> or nai-<NAI> (TS 29.571)")));
    }

    private static Mono<ServerResponse> audited(ServerRequest request, String action, String supi, Mono<ServerResponse> answer) {
        return answer.doOnNext(r -> OperatorAudit.record(request, action, supi, r.statusCode().value()));
    }

    private static Mono<ServerResponse> answer(String supi, java.util.Optional<java.util.concurrent.CompletableFuture<UeSignalling.NetworkProcedureOutcome>> started) {
        return started.map(f -> Mono.fromFuture(f).timeout(Duration.ofSeconds(30)).flatMap(outcome -> switch (outcome) {
                    case REFUSED -> problem(ProblemDetails.of(409, "Conflict", "UE_NOT_REGISTERED", supi + " is not registered"));
                    case NOT_CONNECTED -> problem(ProblemDetails.of(409, "Conflict", "UE_NOT_CONNECTED", supi + " has no N2 connection (CM-IDLE)"));
                    default -> ServerResponse.accepted().contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("supi", supi, "outcome", outcome.name()));
                }))
                .orElseGet(() -> problem(ProblemDetails.of(404, "Not Found", "CONTEXT_NOT_FOUND", "no UE context for " + supi)));
    }

    private static Mono<ServerResponse> problem(ProblemDetails p) {
        return ServerResponse.status(p.status()).contentType(PROBLEM).bodyValue(p);
    }
}
