package io.liquid5gc.proxy;

import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.proxy.ue.UeInventory;
import io.liquid5gc.sbi.common.ProblemDetails;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the N2 side holds, read-only, for operators (the console's live view):
 * <pre>
 * GET /proxy/ran-nodes          the set-up gNBs: Global RAN Node ID, name, supported TAs, broadcast PLMNs and slices
 * GET /proxy/ues[?limit=200]    the UEs: 5GMM and CM state, SUPI, 5G-GUTI, serving gNB, NGAP ids, PDU sessions and addresses
 * GET /proxy/procedures[?limit=50]  the last procedures and events with outcome and latency, newest first
 * </pre>
 * Under {@code /proxy/}, so behind function-runtime's operator filter like the network procedures; no key is in
 * any of it ({@link UeInventory}). Store reads run on the bounded elastic scheduler.
 */
final class OperatorViewEndpoint {

    static final int MAX_UES = 1000;
    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);

    private final N2Server n2;
    private final UeInventory ues;

    OperatorViewEndpoint(N2Server n2, UeInventory ues) {
        this.n2 = n2;
        this.ues = ues;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/proxy/ran-nodes", r -> json(() -> Map.of("ranNodes", n2.ranNodes())))
                .GET("/proxy/ues", r -> limit(r, 200, MAX_UES).map(n -> json(() -> Map.of("ues", ues.list(n)))).orElseGet(OperatorViewEndpoint::badLimit))
                .GET("/proxy/procedures", r -> limit(r, 50, 200).map(n -> json(() -> Map.of("procedures", ues.recent(n)))).orElseGet(OperatorViewEndpoint::badLimit))
                .build();
    }

    private static java.util.Optional<Integer> limit(ServerRequest r, int otherwise, int max) {
        try {
            int n = r.queryParam("limit").map(Integer::parseInt).orElse(otherwise);
            return n < 1 || n > max ? java.util.Optional.empty() : java.util.Optional.of(n);
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static Mono<ServerResponse> badLimit() {
        return ServerResponse.badRequest().contentType(PROBLEM).bodyValue(ProblemDetails.of(400, "Bad Request", "INVALID_QUERY_PARAM",
                "limit must be a number within the list's bounds (ues: 1.." + MAX_UES + ", procedures: 1..200)"));
    }

    private static Mono<ServerResponse> json(Callable<Object> body) {
        return Mono.fromCallable(body).subscribeOn(Schedulers.boundedElastic())
                .flatMap(b -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(b));
    }
}
