package io.liquid5gc.runtime.invoke;

import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.runtime.security.CallerAuthentication;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.ObjectMapper;

/**
 * Serves this process's functions over HTTP: {@code POST /{function}} with a JSON body answers the function's
 * JSON result, or {@code application/problem+json} on error. Functions are blocking code (store, downstream
 * calls); they run on virtual threads (or platform threads, {@code liquid5gc.serve.threads}), never on the Netty
 * event loop. At most {@code liquid5gc.serve.max-concurrency} calls are in flight: the permit is taken on the event loop
 * once the body is read, so a call beyond it is answered 503 there, without a thread of its own (with platform threads
 * the pool has as many threads as permits, {@link PlatformFunctionThreads}). Each call is authenticated first
 * ({@link CallerAuthentication}: the access token, TS 33.501 13.4.1) and the function runs for the caller the token
 * names; 401/403 are problem+json with {@code WWW-Authenticate} (RFC 6750 3).
 */
public final class FunctionEndpoint implements AutoCloseable {

    private static final MediaType PROBLEM = MediaType.parseMediaType(ProblemDetails.MEDIA_TYPE);

    private final FunctionDispatcher dispatcher;
    private final ServeProperties serve;
    private final ExecutorService virtualThreads; // null with platform threads
    private final PlatformFunctionThreads platformThreads; // null with virtual threads
    private final Scheduler scheduler;
    private final Semaphore inFlight;
    private final FunctionCall call;

    public FunctionEndpoint(FunctionDispatcher dispatcher, ServeProperties serve, ObjectMapper json) {
        this(dispatcher, serve, json, CallerAuthentication.NONE);
    }

    public FunctionEndpoint(FunctionDispatcher dispatcher, ServeProperties serve, ObjectMapper json,
                            CallerAuthentication authentication) {
        this.call = new FunctionCall(dispatcher, authentication, json, serve.placement());
        this.dispatcher = dispatcher;
        this.serve = serve;
        this.inFlight = new Semaphore(serve.maxConcurrency());
        if (serve.threads() == ServeProperties.Threads.PLATFORM) {
            this.virtualThreads = null;
            this.platformThreads = new PlatformFunctionThreads(serve.maxConcurrency());
            this.scheduler = Schedulers.fromExecutor(platformThreads);
        } else {
            this.virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
            this.platformThreads = null;
            this.scheduler = Schedulers.fromExecutorService(virtualThreads, "liquid5gc-functions");
        }
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/{function}", req -> handle(req.pathVariable("function"), req))
                .POST("/", req -> serve.function() == null
                        ? problem(ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND",
                                "POST /{function}; this process serves " + dispatcher.deployed()
                                        + " (set liquid5gc.serve.function to answer POST /)"))
                        : handle(serve.function(), req))
                .build();
    }

    private Mono<ServerResponse> handle(String name, ServerRequest request) {
        FunctionSpec<?, ?> spec = Functions.byName(name).orElse(null);
        if (spec == null) {
            return problem(ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND",
                    "no function named '" + truncate(name) + "'; this process serves " + dispatcher.deployed()));
        }
        if (!dispatcher.isDeployed(name)) {
            return problem(ProblemDetails.of(404, "Not Found", "RESOURCE_URI_STRUCTURE_NOT_FOUND",
                    "function " + name + " (NF " + spec.nf().key() + ") is not deployed in this process; it serves "
                            + dispatcher.deployed()));
        }
        String authorization = request.headers().firstHeader("Authorization");
        java.security.cert.X509Certificate peer = peerCertificate(request);
        String tenant = request.headers().firstHeader(io.liquid5gc.runtime.metering.Tenancy.HEADER);
        return request.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> run(spec, body, authorization, peer, tenant))
                .onErrorResume(e -> Mono.just(call.problem(null, badBodyProblem(e))))
                .flatMap(this::respond);
    }

    private static java.security.cert.X509Certificate peerCertificate(ServerRequest request) {
        org.springframework.http.server.reactive.SslInfo ssl = request.exchange().getRequest().getSslInfo();
        java.security.cert.X509Certificate[] chain = ssl == null ? null : ssl.getPeerCertificates();
        return chain == null || chain.length == 0 ? null : chain[0];
    }

    /**
     * The call, within {@code liquid5gc.serve.max-concurrency} invocations in flight (503 beyond, with Retry-After): the
     * permit is taken here on the event loop and given back once: when the function returns, on its thread, or, when
     * it never started (the call cancelled first, or the endpoint closed), as the call ends.
     */
    private Mono<FunctionCall.Answer> run(FunctionSpec<?, ?> spec, byte[] body, String authorization,
                                          java.security.cert.X509Certificate peer, String tenant) {
        if (!inFlight.tryAcquire()) {
            return Mono.just(congested(spec, "more than " + serve.maxConcurrency() + " invocations in flight"));
        }
        AtomicBoolean started = new AtomicBoolean();
        return Mono.fromCallable(() -> {
                    if (!started.compareAndSet(false, true)) {
                        return null; // cancelled before it started: the permit is given back already
                    }
                    try {
                        return call.run(spec, authorization, peer, body, tenant);
                    } finally {
                        inFlight.release();
                    }
                })
                .subscribeOn(scheduler)
                .onErrorResume(RejectedExecutionException.class, e -> Mono.just(congested(spec, "the endpoint is closing")))
                .doFinally(signal -> {
                    if (started.compareAndSet(false, true)) {
                        inFlight.release(); // never started
                    }
                });
    }

    private FunctionCall.Answer congested(FunctionSpec<?, ?> spec, String why) {
        return call.problem(spec, ProblemDetails.of(503, "Service Unavailable", "NF_CONGESTION", spec.name() + ": " + why));
    }

    private Mono<ServerResponse> respond(FunctionCall.Answer a) {
        ServerResponse.BodyBuilder b = ServerResponse.status(a.status()).contentType(a.isProblem() ? PROBLEM : MediaType.APPLICATION_JSON);
        if (a.status() == 503) {
            b.header("Retry-After", io.liquid5gc.runtime.http.ProblemResponses.RETRY_AFTER_SECONDS);
        }
        if (a.wwwAuthenticate() != null) {
            b.header("WWW-Authenticate", a.wwwAuthenticate());
        }
        return b.bodyValue(a.body());
    }

    private Mono<ServerResponse> problem(ProblemDetails p) {
        return respond(call.problem(null, p));
    }

    private static ProblemDetails badBodyProblem(Throwable e) {
        int status = e instanceof org.springframework.core.io.buffer.DataBufferLimitException
                ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value();
        return ProblemDetails.of(status, status == 413 ? "Content Too Large" : "Bad Request", "INVALID_MSG_FORMAT",
                "cannot read the request body: " + e.getMessage());
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    @Override
    public void close() {
        scheduler.dispose();
        if (platformThreads != null) {
            platformThreads.close();
        } else {
            virtualThreads.close();
        }
    }
}
