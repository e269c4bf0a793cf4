package io.liquid5gc.udr.provisioning;

import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The provisioning REST API:
 * <pre>
 * POST   /provisioning/subscribers[?replace=true]          a {@link SubscriberProfile} (JSON), count for a range
 * POST   /provisioning/subscribers/import[?replace=true]   a file: Content-Type text/csv, application/yaml or application/json
 * GET    /provisioning/subscribers[?limit=1000]            the subscribers, secrets as "***"
 * GET    /provisioning/subscribers/{imsi}                  one subscriber, secrets as "***"
 * DELETE /provisioning/subscribers/{imsi}
 * </pre>
 * Store calls are blocking: they run on the bounded elastic scheduler, never on the event loop.
 */
final class ProvisioningRoutes {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRoutes.class);
    static final String BASE = "/provisioning/subscribers";
    static final int MAX_BODY = 32 * 1024 * 1024;
    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);

    private final SubscriberProvisioning provisioning;
    private final ObjectMapper json;
    private final byte[] token;

    ProvisioningRoutes(SubscriberProvisioning provisioning, ObjectMapper json, String token) {
        this.provisioning = provisioning;
        this.json = json;
        this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST(BASE + "/import", req -> body(req).flatMap(body ->
                        run(req, 200, () -> outcome(provisioning.importAll(SubscriberFiles.parse(new String(body, StandardCharsets.UTF_8),
                                SubscriberFiles.Format.of(req.headers().contentType().map(MediaType::toString).orElse("yaml")), json),
                                replace(req))))).onErrorResume(DataBufferLimitException.class, e -> tooLarge(req)))
                .POST(BASE, req -> body(req).flatMap(body ->
                        run(req, 201, () -> {
                            SubscriberProvisioning.Outcome o = provisioning.add(readProfile(body), replace(req));
                            if (o.created() + o.replaced() == 0) {
                                throw new ProblemException(409, "Conflict", "SUBSCRIBER_EXISTS",
                                        o.first() + (o.skipped() > 1 ? ".." + o.last() : "") + " already provisioned (use replace=true)");
                            }
                            return outcome(o);
                        })).onErrorResume(DataBufferLimitException.class, e -> tooLarge(req)))
                .GET(BASE, req -> run(req, 200, () -> {
                    var list = provisioning.list(req.queryParam("limit").map(Integer::parseInt).orElse(1000));
                    return Map.of("count", list.size(), "subscribers", list);
                }))
                .GET(BASE + "/{imsi}", req -> run(req, 200, () -> provisioning.show(req.pathVariable("imsi"))))
                .DELETE(BASE + "/{imsi}", req -> run(req, 204, () -> {
                    provisioning.remove(req.pathVariable("imsi"));
                    return null;
                }))
                .build();
    }

    /** The whole body, up to {@link #MAX_BODY} (a file of 100,000 CSV rows; WebFlux's own default is 256 KiB). */
    private static Mono<byte[]> body(ServerRequest req) {
        return DataBufferUtils.join(req.body(BodyExtractors.toDataBuffers()), MAX_BODY)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    private Mono<ServerResponse> tooLarge(ServerRequest req) {
        return problem(ProblemDetails.of(413, "Payload Too Large", "INVALID_MSG_FORMAT",
                "at most " + MAX_BODY / (1024 * 1024) + " MiB per request; split the file or use count for ranges"), req);
    }

    private static boolean replace(ServerRequest req) {
        return req.queryParam("replace").map(Boolean::parseBoolean).orElse(false);
    }

    private SubscriberProfile readProfile(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "a subscriber (JSON) is required");
        }
        try {
            return json.readValue(body, SubscriberProfile.class);
        } catch (JacksonException e) {
            // the parser's own message may quote the input (a key): name the place only
            throw ProblemException.badRequest("INVALID_MSG_FORMAT", "not a subscriber (JSON object with imsi, k, op or opc, ...): "
                    + SubscriberFiles.where(e));
        }
    }

    private static Map<String, Object> outcome(SubscriberProvisioning.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", o.created());
        m.put("replaced", o.replaced());
        m.put("skipped", o.skipped());
        if (o.first() != null) {
            m.put("first", o.first());
            m.put("last", o.last());
        }
        return m;
    }

    private Mono<ServerResponse> run(ServerRequest req, int status, Callable<Object> action) {
        if (token != null) {
            byte[] given = req.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null ? new byte[0]
                    : req.headers().firstHeader(HttpHeaders.AUTHORIZATION).getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, token)) {
                return problem(ProblemDetails.of(401, "Unauthorized", "UNAUTHORIZED", "provisioning needs Authorization: Bearer <token>"), req);
            }
        }
        return Mono.fromCallable(action).subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(result)))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.status(status).build()))
                .onErrorResume(ProblemException.class, e -> problem(e.problem(), req))
                .onErrorResume(NumberFormatException.class, e -> problem(ProblemDetails.of(400, "Bad Request", "MANDATORY_QUERY_PARAM_INCORRECT",
                        "limit must be a number"), req))
                .onErrorResume(RuntimeException.class, e -> {
                    log.error("provisioning {} {} failed", req.method(), req.path(), e);
                    return problem(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", e.getClass().getSimpleName()), req);
                });
    }

    private Mono<ServerResponse> problem(ProblemDetails p, ServerRequest req) {
        ProblemDetails withInstance = new ProblemDetails(p.type(), p.title(), p.status(), p.detail(), req.path(), p.cause(), p.invalidParams());
        return ServerResponse.status(p.status()).contentType(PROBLEM).bodyValue(json.writeValueAsBytes(withInstance));
    }
}
