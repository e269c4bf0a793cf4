package io.liquid5gc.runtime.placement;

import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.FunctionCallException.Kind;
import io.liquid5gc.runtime.placement.HttpFunctionTransport.Outcome;
import io.liquid5gc.runtime.security.AccessTokenRefused;
import io.liquid5gc.runtime.security.ConsumerCredentials;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.ProblemDetails;
import io.liquid5gc.sbi.common.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@link FunctionClient}: looks up the function's placement (its own {@code liquid5gc.function.<function>.*}, else
 * its NF's {@code liquid5gc.nf.<nf>.*}) and calls the function in-process
 * ({@code local}), on the NF's always-on service ({@code http}) or through the FaaS gateway ({@code faas}).
 * Every call is timed as {@code liquid5gc.function.calls} tagged with function, nf, placement and outcome.
 * Calls to other processes carry the caller's access token for the target NF ({@link ConsumerCredentials}, cached;
 * a 401 answer drops it and the call is tried once more with a fresh one).
 */
public final class PlacementFunctionClient implements FunctionClient, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlacementFunctionClient.class);
    private static final int MAX_BODY_IN_ERROR = 300;

    private final PlacementProperties properties;
    private final FunctionDispatcher local;
    private final PeerResolver resolver;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    /** Built at the first call to another process (a function unit that calls no peer never loads an HTTP client). */
    private volatile HttpFunctionTransport transport;
    private boolean closed;
    private final ConsumerCredentials credentials;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public PlacementFunctionClient(PlacementProperties properties, FunctionDispatcher local, PeerResolver resolver,
                                   ObjectMapper json, MeterRegistry meters) {
        this(properties, local, resolver, json, meters, ConsumerCredentials.NONE);
    }

    public PlacementFunctionClient(PlacementProperties properties, FunctionDispatcher local, PeerResolver resolver,
                                   ObjectMapper json, MeterRegistry meters, ConsumerCredentials credentials) {
        this.credentials = credentials;
        this.properties = properties;
        this.local = local;
        this.resolver = resolver;
        this.json = json;
        this.meters = meters;
        for (NfType nf : NfType.values()) {
            PlacementProperties.NfSettings s = properties.of(nf);
            if (!s.enabled() && !nf.release17()) {
                throw new IllegalArgumentException("liquid5gc.nf." + nf.key() + ".enabled=false: only the Release 17 NFs "
                        + "(nwdaf, chf, nsacf, bsf) can be switched off");
            }
        }
    }

    @Override
    public boolean isEnabled(NfType nf) {
        return properties.of(nf).enabled();
    }

    @Override
    public Placement placementOf(NfType nf) {
        return properties.of(nf).placement();
    }

    @Override
    public <I, O> O call(FunctionSpec<I, O> function, I request) {
        FunctionSpec<?, ?> known = Functions.byName(function.name()).orElse(null);
        PlacementProperties.NfSettings settings = known == null ? properties.of(function.nf()) : properties.of(known);
        Placement placement = settings.placement();
        if (known == null) {
            throw FunctionCallException.of(Kind.UNKNOWN_FUNCTION, function.name(), placement, 404,
                    "not one of the 31 functions of the contract", null);
        }
        if (!settings.enabled()) {
            throw FunctionCallException.of(Kind.DISABLED, function.name(), placement, 503,
                    "NF " + function.nf().key() + " is switched off (liquid5gc.nf." + function.nf().key()
                            + ".enabled=false); callers must skip it", null);
        }
        long start = System.nanoTime();
        String outcome = "success";
        try {
            return switch (placement) {
                case LOCAL -> callLocal(function, request);
                case HTTP, FAAS -> callRemote(function, request, placement, settings);
            };
        } catch (FunctionCallException e) {
            outcome = e.kind() == Kind.PEER_ERROR ? (e.status() >= 500 ? "peer_failed" : "peer_rejected")
                    : e.kind().name().toLowerCase(java.util.Locale.ROOT);
            throw e;
        } catch (ProblemException e) {
            outcome = e.status() >= 500 ? "peer_failed" : "peer_rejected";
            throw e;
        } catch (RuntimeException e) {
            outcome = "failed";
            throw e;
        } finally {
            timer(function, placement, outcome).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private <I, O> O callLocal(FunctionSpec<I, O> function, I request) {
        if (!local.isDeployed(function.name())) {
            throw FunctionCallException.of(Kind.UNKNOWN_FUNCTION, function.name(), Placement.LOCAL, 404,
                    "placed local but not deployed in this process; set liquid5gc.nf." + function.nf().key()
                            + ".placement=http with liquid5gc.nf." + function.nf().key() + ".url, or faas (or liquid5gc.function."
                            + function.name() + ".* for this function alone)", null);
        }
        return local.invoke(function, request, Placement.LOCAL);
    }

    private <I, O> O callRemote(FunctionSpec<I, O> function, I request, Placement placement,
                                PlacementProperties.NfSettings settings) {
        URI uri = uriOf(function, placement, settings);
        byte[] body;
        try {
            body = json.writeValueAsBytes(request);
        } catch (JacksonException e) {
            throw FunctionCallException.of(Kind.UNKNOWN_FUNCTION, function.name(), placement, 500,
                    "request could not be written as JSON: " + e.getOriginalMessage(), e);
        }
        Duration timeout = settings.timeout() != null ? settings.timeout() : properties.http().timeout();
        int maxAttempts = properties.http().maxAttempts();
        Duration backoff = properties.http().retryBackoff();
        FunctionCallException last = null;
        ConsumerType consumer = credentials.enabled() ? credentials.consumerNow() : null;
        String tenant = io.liquid5gc.runtime.metering.Tenancy.boundOrNull();
        boolean refreshedToken = false;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1) {
                sleep(backoff.multipliedBy(1L << Math.min(attempt - 2, 6)));
                log.debug("retrying {} at {} (attempt {}/{}): {}", function.name(), uri, attempt, maxAttempts, last.getMessage());
            }
            Outcome outcome;
            String authorization = authorization(function, placement, consumer);
            try {
                outcome = transport().post(uri, body, timeout, authorization, tenant);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                        "interrupted while calling " + uri, e);
            }
            boolean retryable;
            boolean tokenRefusedOnce = authorization != null && !refreshedToken;
            switch (outcome) {
                case Outcome.Answered a when a.status() >= 200 && a.status() < 300 -> {
                    return readAnswer(function, placement, uri, a);
                }
                case Outcome.Answered a when a.status() == 401 && tokenRefusedOnce -> {
                    // expired early or signed by a key the producer does not know yet: once more with a new token
                    last = peerError(function, placement, uri, a);
                    credentials.refused(consumer, function.nf(), authorization);
                    refreshedToken = true;
                    retryable = true;
                    attempt--;
                }
                case Outcome.Answered a -> {
                    last = peerError(function, placement, uri, a);
                    retryable = function.idempotent() && (a.status() == 502 || a.status() == 503 || a.status() == 504);
                }
                case Outcome.NotConnected n -> {
                    last = FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                            "cannot connect to " + uri + ": " + describe(n.error()), n.error());
                    retryable = true;
                }
                case Outcome.TimedOut t -> {
                    last = FunctionCallException.of(Kind.TIMEOUT, function.name(), placement, 504,
                            "no answer from " + uri + " within " + timeout.toMillis() + " ms", t.error());
                    retryable = function.idempotent();
                }
                case Outcome.Broken b -> {
                    last = FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                            "connection to " + uri + " failed: " + describe(b.error()), b.error());
                    retryable = function.idempotent();
                }
            }
            if (!retryable) {
                break;
            }
        }
        throw last;
    }

    /**
     * The pooled HTTP client (Apache HttpClient, its TLS strategy and its evictor thread), made at the first remote call:
     * what the function path does not use is not created (docs/operations.md "Cold start": the classes a process
     * loads are its memory at every start, through the AOT cache).
     */
    private HttpFunctionTransport transport() {
        HttpFunctionTransport t = transport;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the function client is closed");
            }
            if (transport == null) {
                transport = new HttpFunctionTransport(properties.http().connectTimeout(), credentials.tls());
            }
            return transport;
        }
    }

    private String authorization(FunctionSpec<?, ?> function, Placement placement, ConsumerType consumer) {
        if (consumer == null) {
            return null;
        }
        try {
            return credentials.authorizationFor(consumer, function.nf());
        } catch (AccessTokenRefused e) {
            int status = e.status() == 400 || e.status() >= 500 ? 503 : 403;
            throw new FunctionCallException(Kind.PEER_ERROR, function.name(), placement, ProblemDetails.of(status,
                    status == 403 ? "Forbidden" : "Service Unavailable", status == 403 ? "ACCESS_TOKEN_DENIED" : "NF_FAILOVER",
                    "no access token for " + consumer + " to call " + function.nf() + ": the NRF answered " + e.getMessage()), e);
        } catch (java.io.UncheckedIOException e) {
            throw FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                    "no access token for " + consumer + " to call " + function.nf() + ": " + e.getMessage(), e);
        }
    }

    private URI uriOf(FunctionSpec<?, ?> function, Placement placement, PlacementProperties.NfSettings settings) {
        String nf = function.nf().key();
        if (placement == Placement.HTTP) {
            URI base = settings.url() != null ? settings.url() : resolver.resolve(function.nf()).orElseThrow(() ->
                    FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                            "no URL for NF " + nf + ": set liquid5gc.nf." + nf + ".url (LIQUID5GC_NF_" + nf.toUpperCase(java.util.Locale.ROOT)
                                    + "_URL) or register it in the NRF", null));
            String s = base.toString();
            return URI.create((s.endsWith("/") ? s : s + "/") + function.name());
        }
        String pattern = settings.urlPattern() != null ? settings.urlPattern() : properties.faasUrlPattern();
        if (pattern == null || pattern.isBlank()) {
            throw FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                    "no FaaS gateway URL: set liquid5gc.faas-url-pattern (e.g. http://gateway:8080/function/{function}) "
                            + "or liquid5gc.nf." + nf + ".url-pattern", null);
        }
        try {
            return URI.create(pattern.replace("{function}", function.name()).replace("{nf}", nf));
        } catch (IllegalArgumentException e) {
            throw FunctionCallException.of(Kind.UNREACHABLE, function.name(), placement, 503,
                    "invalid FaaS URL pattern '" + pattern + "': " + e.getMessage(), e);
        }
    }

    private <O> O readAnswer(FunctionSpec<?, O> function, Placement placement, URI uri, Outcome.Answered a) {
        try {
            O value = json.readValue(a.body(), function.outputType());
            if (value == null) {
                throw FunctionCallException.of(Kind.MALFORMED_RESPONSE, function.name(), placement, 502,
                        uri + " answered " + a.status() + " with an empty body", null);
            }
            return value;
        } catch (JacksonException e) {
            throw FunctionCallException.of(Kind.MALFORMED_RESPONSE, function.name(), placement, 502,
                    uri + " answered " + a.status() + " with a body that is not a " + function.outputType().getSimpleName()
                            + ": " + e.getOriginalMessage() + " (body: " + excerpt(a.body()) + ")", e);
        }
    }

    private FunctionCallException peerError(FunctionSpec<?, ?> function, Placement placement, URI uri, Outcome.Answered a) {
        ProblemDetails problem = null;
        if (a.body().length > 0 && a.contentType().contains("json")) {
            try {
                problem = json.readValue(a.body(), ProblemDetails.class);
            } catch (JacksonException e) {
                problem = null;
            }
        }
        if (problem == null || problem.status() == 0) {
            String detail = uri + " answered " + a.status() + (a.body().length == 0 ? "" : ": " + excerpt(a.body()));
            problem = ProblemDetails.of(a.status(), "Peer error", problem == null ? null : problem.cause(), detail);
        }
        return new FunctionCallException(Kind.PEER_ERROR, function.name(), placement, problem, null)
                .withRetryAfter(FunctionCallException.parseRetryAfter(a.retryAfter(), java.time.Clock.systemUTC()));
    }

    private static String excerpt(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, MAX_BODY_IN_ERROR), StandardCharsets.UTF_8);
        return body.length > MAX_BODY_IN_ERROR ? s + "..." : s;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Timer timer(FunctionSpec<?, ?> function, Placement placement, String outcome) {
        String key = function.name() + '|' + placement.ordinal() + '|' + outcome;
        Timer t = timers.get(key);
        if (t == null) {
            t = timers.computeIfAbsent(key, k -> Timer.builder("liquid5gc.function.calls")
                    .description("Function calls made by this process, by target placement and outcome")
                    .tag("function", function.name()).tag("nf", function.nf().key())
                    .tag("placement", placement.key()).tag("outcome", outcome)
                    .register(meters));
        }
        return t;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (transport != null) {
            transport.close();
        }
    }
}
