package io.liquid5gc.udr.provisioning;

import io.liquid5gc.runtime.operator.OperatorAudit;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
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
 * GET    /provisioning/subscribers?prefix=00101&amp;after=imsi-..&amp;limit=100   a page: IMSIs starting with prefix, after the cursor;
 *                                                   "next" is the cursor of the following page (prefix scans, never the whole list)
 * PUT    /provisioning/subscribers/{imsi}/slices         {"slices": [...]}: other slices and DNNs, K/OPc/SQN kept
 * GET    /provisioning/subscribers/{imsi}                  one subscriber, secrets as "***"
 * DELETE /provisioning/subscribers/{imsi}
 * POST   /provisioning/subscribers/re-encrypt               K and OPc of every subscriber under the newest key-encryption key
 * </pre>
 * The operator's credentials are checked by function-runtime's operator filter before any of this runs (the body
 * unread); bodies are limited to {@code liquid5gc.provisioning.max-body} (413 before buffering), one request creates at
 * most {@code liquid5gc.provisioning.max-bulk} subscribers, and every change is an audit line ({@link OperatorAudit}).
 * The import is not buffered: it is streamed, parsed and written as it arrives (CSV line by line, JSON and YAML entry
 * by entry), up to {@code liquid5gc.provisioning.max-import-body}; when it fails (a bad line, over max-bulk, over
 * max-import-body) the problem names the line and says what was written before it, and so does the audit line.
 * Store calls are blocking: they run on the bounded elastic scheduler, never on the event loop.
 */
final class ProvisioningRoutes {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningRoutes.class);
    static final String BASE = "/provisioning/subscribers";
    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);

    private final SubscriberProvisioning provisioning;
    private final ObjectMapper json;
    private final int maxBulk;
    private final int maxBody;
    private final long maxImportBody;
    /** Network buffers of an import read ahead of its parser. */
    static final int PREFETCH = 4;

    ProvisioningRoutes(SubscriberProvisioning provisioning, ObjectMapper json, ProvisioningProperties properties) {
        this.provisioning = provisioning;
        this.json = json;
        this.maxBulk = properties.maxBulk();
        this.maxBody = (int) Math.min(Integer.MAX_VALUE, properties.maxBody().toBytes());
        this.maxImportBody = properties.maxImportBody().toBytes();
    }

    /** What a change did, for its answer and its audit line. */
    private record Change(String subject, Object body) {
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST(BASE + "/import", this::importFile)
                .POST(BASE + "/re-encrypt", req -> change(req, "provisioning.re-encrypt", 200, () -> {
                    int n = provisioning.reencryptAll();
                    return new Change(n + " subscribers", Map.of("reencrypted", n));
                }))
                .POST(BASE, req -> body(req).flatMap(body ->
                        change(req, "provisioning.add", 201, () -> {
                            SubscriberProfile profile = readProfile(body);
                            if (profile.count() != null && profile.count() > maxBulk) {
                                throw SubscriberProvisioning.tooMany(profile.count(), maxBulk);
                            }
                            SubscriberProvisioning.Outcome o = provisioning.add(profile, replace(req));
                            if (o.created() + o.replaced() == 0) {
                                throw new ProblemException(409, "Conflict", "SUBSCRIBER_EXISTS",
                                        o.first() + (o.skipped() > 1 ? ".." + o.last() : "") + " already provisioned (use replace=true)");
                            }
                            return new Change(range(o), outcome(o));
                        })).onErrorResume(DataBufferLimitException.class, e -> tooLarge(req)))
                .GET(BASE, req -> run(req, 200, () -> {
                    if (req.queryParam("after").isEmpty() && req.queryParam("prefix").isEmpty()) {
                        var list = provisioning.list(req.queryParam("limit").map(Integer::parseInt).orElse(1000));
                        return Map.of("count", list.size(), "subscribers", list);
                    }
                    SubscriberProvisioning.Page page = provisioning.page(req.queryParam("prefix").orElse(""), req.queryParam("after").orElse(null),
                            req.queryParam("limit").map(Integer::parseInt).orElse(100));
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("count", page.subscribers().size());
                    out.put("subscribers", page.subscribers());
                    if (page.next() != null) {
                        out.put("next", page.next());
                    }
                    return out;
                }))
                .PUT(BASE + "/{imsi}/slices", req -> body(req).flatMap(body -> change(req, "provisioning.slices", 200, () -> {
                    String supi = SubscriberProvisioning.supiOf(req.pathVariable("imsi"));
                    return new Change(supi, provisioning.changeSlices(supi, readSlices(body)));
                })).onErrorResume(DataBufferLimitException.class, e -> tooLarge(req)))
                .GET(BASE + "/{imsi}", req -> run(req, 200, () -> provisioning.show(req.pathVariable("imsi"))))
                .DELETE(BASE + "/{imsi}", req -> change(req, "provisioning.remove", 204, () -> {
                    String supi = SubscriberProvisioning.supiOf(req.pathVariable("imsi"));
                    provisioning.remove(supi);
                    return new Change(supi, null);
                }))
                .build();
    }

    /**
     * The import, streamed: the body is read as it arrives (at most {@link #PREFETCH} network buffers ahead), parsed
     * entry by entry and written in batches on the bounded elastic scheduler, so memory holds a batch and never the
     * body ({@link SubscriberProvisioning#importStreamed}); a body over {@code max-import-body} stops it with 413.
     */
    private Mono<ServerResponse> importFile(ServerRequest req) {
        SubscriberFiles.Format format = SubscriberFiles.Format.of(req.headers().contentType().map(MediaType::toString).orElse("yaml"));
        boolean replace = replace(req);
        return change(req, "provisioning.import", 200, () -> {
            try (InputStream in = DataBufferUtils.subscriberInputStream(req.body(BodyExtractors.toDataBuffers()), PREFETCH)) {
                SubscriberProvisioning.Outcome o = provisioning.importStreamed(sink -> {
                    try {
                        SubscriberFiles.read(in, format, json, sink);
                    } catch (DataBufferLimitException e) {
                        throw new ProblemException(413, "Content Too Large", "INVALID_MSG_FORMAT", "the import is over "
                                + maxImportBody + " bytes (liquid5gc.provisioning.max-import-body); split the file");
                    }
                }, replace, maxBulk);
                return new Change(range(o), outcome(o));
            }
        });
    }

    private static String range(SubscriberProvisioning.Outcome o) {
        return o.first() == null ? "none" : o.first().equals(o.last()) ? o.first() : o.first() + ".." + o.last();
    }

    /** The whole body, up to {@code max-body} (the operator filter and the body limit have already run). */
    private Mono<byte[]> body(ServerRequest req) {
        return DataBufferUtils.join(req.body(BodyExtractors.toDataBuffers()), maxBody)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0]);
    }

    private Mono<ServerResponse> tooLarge(ServerRequest req) {
        return problem(ProblemDetails.of(413, "Content Too Large", "INVALID_MSG_FORMAT",
                "at most " + maxBody + " bytes per request (liquid5gc.provisioning.max-body); split the file or use count for ranges"), req);
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

    /** The body of a slices change: {@code {"slices": [{"sst": 1, "sd": "010203", "dnns": ["internet"]}]}}. */
    record SlicesChange(java.util.List<SubscriberProfile.SliceProfile> slices) {
    }

    private java.util.List<SubscriberProfile.SliceProfile> readSlices(byte[] body) {
        if (body.length == 0) {
            throw ProblemException.badRequest("MANDATORY_IE_MISSING", "the slices (JSON: {\"slices\": [{\"sst\": 1, \"dnns\": [\"internet\"]}]}) are required");
        }
        try {
            return json.readValue(body, SlicesChange.class).slices();
        } catch (JacksonException e) {
            throw ProblemException.badRequest("INVALID_MSG_FORMAT", "not a slices change (JSON object with slices): " + SubscriberFiles.where(e));
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

    /** A change: run as {@link #run}, and audited with its outcome (who, from where, what, which subscribers). */
    private Mono<ServerResponse> change(ServerRequest req, String action, int status, Callable<Change> change) {
        String[] subject = {null};
        return run(req, status, () -> {
            try {
                Change c = change.call();
                subject[0] = c.subject();
                return c.body();
            } catch (SubscriberProvisioning.ImportFailedException e) {
                subject[0] = e.written().first() == null ? null : range(e.written()); // what an import wrote before it stopped
                throw e;
            }
        }).doOnNext(response -> OperatorAudit.record(req, action, subject[0], response.statusCode().value()));
    }

    private Mono<ServerResponse> run(ServerRequest req, int status, Callable<Object> action) {
        return Mono.fromCallable(action).subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(json.writeValueAsBytes(result)))
                .switchIfEmpty(Mono.defer(() -> ServerResponse.status(status).build()))
                .onErrorResume(ProblemException.class, e -> problem(e.problem(), req))
                .onErrorResume(NumberFormatException.class, e -> problem(ProblemDetails.of(400, "Bad Request", "MANDATORY_QUERY_PARAM_INCORRECT",
                        "limit must be a number"), req))
                .onErrorResume(RuntimeException.class, e -> {
                    log.error("provisioning {} {} failed", req.method(), req.path(), e);
                    return problem(ProblemDetails.of(500, "Internal Server Error", "SYSTEM_FAILURE", "internal error (logged)"), req);
                });
    }

    private Mono<ServerResponse> problem(ProblemDetails p, ServerRequest req) {
        ProblemDetails withInstance = new ProblemDetails(p.type(), p.title(), p.status(), p.detail(),
                io.liquid5gc.runtime.http.ProblemResponses.instanceOf(req.path()), p.cause(), p.invalidParams());
        return ServerResponse.status(p.status()).contentType(PROBLEM).bodyValue(json.writeValueAsBytes(withInstance));
    }
}
