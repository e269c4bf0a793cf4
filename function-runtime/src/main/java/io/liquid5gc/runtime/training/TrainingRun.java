package io.liquid5gc.runtime.training;

import com.nimbusds.jose.jwk.ECKey;
import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.invoke.ServeProperties;
import io.liquid5gc.sbi.FunctionSpec;
import io.liquid5gc.sbi.Functions;
import io.liquid5gc.sbi.security.AccessTokenClaims;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.security.SbiAuthorization;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import io.liquid5gc.runtime.security.Es256Jws;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The training run ({@link TrainingProperties}): once the application is ready, each function deployed here (or
 * {@code liquid5gc.serve.function} only) is called {@code liquid5gc.training.requests} times (within
 * {@code liquid5gc.training.time-limit} per function) over this process's own
 * HTTP port ({@link LoopbackHttp}: a plain socket, so that no HTTP client of the training run's own goes into the
 * cache), through the whole request path (Netty, the access token check, JSON, the dispatcher, the function), with
 * an access token of the {@link TrainingKey}; then the context is closed and the JVM exits, 0 when every call was
 * answered as expected, 1 otherwise (an image build then fails instead of shipping a cache trained on errors).
 *
 * <p>The request is the NF's {@code META-INF/liquid5gc/training/<function>.json} (a real input, answered 200); a
 * function without one is called with {@code {}}, which its input check refuses with 400: that still trains the
 * HTTP, token and problem+json path. Training runs with in-process stores (the image build has no Redis): a function
 * that writes only writes there.
 */
public final class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    static final String REQUESTS = "META-INF/liquid5gc/training/";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final TrainingProperties training;
    private final FunctionDispatcher dispatcher;
    private final ServeProperties serve;
    private final Environment env;
    private final ResourceLoader resources;
    private final String issuer;
    private final Clock clock;
    private final java.util.function.IntConsumer exit;

    public TrainingRun(TrainingProperties training, FunctionDispatcher dispatcher, ServeProperties serve, String issuer,
                       Environment env, ResourceLoader resources, Clock clock) {
        this(training, dispatcher, serve, issuer, env, resources, clock, System::exit);
    }

    /** @param exit ends the JVM with the code (System.exit; a test keeps its JVM) */
    TrainingRun(TrainingProperties training, FunctionDispatcher dispatcher, ServeProperties serve, String issuer,
                Environment env, ResourceLoader resources, Clock clock, java.util.function.IntConsumer exit) {
        this.exit = exit;
        this.training = training;
        this.dispatcher = dispatcher;
        this.serve = serve;
        this.env = env;
        this.resources = resources;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!training.enabled()) {
            return;
        }
        int code;
        try {
            code = train(Integer.parseInt(env.getRequiredProperty("local.server.port")));
        } catch (RuntimeException | IOException e) {
            log.error("training run failed: {}", e.toString());
            code = 1;
        }
        int result = code;
        exit.accept(SpringApplication.exit(event.getApplicationContext(), () -> result));
    }

    int train(int port) throws IOException {
        ECKey key = TrainingKey.parse(env.getRequiredProperty(TrainingKey.KEY_PROPERTY));
        List<String> functions = serve.function() != null ? List.of(serve.function()) : dispatcher.deployed();
        if (functions.isEmpty()) {
            log.info("training: no function is deployed in this process; trained on the context refresh only");
            return 0;
        }
        int failures = 0;
        try (LoopbackHttp http = new LoopbackHttp(port, REQUEST_TIMEOUT)) {
            for (String name : functions) {
                failures += train(http, key, Functions.byName(name).orElseThrow());
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private int train(LoopbackHttp http, ECKey key, FunctionSpec<?, ?> spec) throws IOException {
        Resource r = resources.getResource("classpath:" + REQUESTS + spec.name() + ".json");
        boolean real = r.exists();
        byte[] body;
        if (real) {
            try (InputStream in = r.getInputStream()) {
                body = in.readAllBytes();
            }
        } else {
            body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        String path = spec.name().equals(serve.function()) ? "/" : "/" + spec.name();
        String authorization = "Authorization: Bearer " + token(key, spec);
        Map<Integer, Integer> statuses = new TreeMap<>(); // 0: no answer within the request's timeout
        long deadline = System.nanoTime() + training.timeLimit().toNanos();
        for (int i = 0; i < training.requests() && System.nanoTime() < deadline; i++) {
            statuses.merge(http.post(path, body, authorization).status(), 1, Integer::sum);
        }
        boolean ok = real ? statuses.keySet().stream().allMatch(s -> s / 100 == 2)
                : !statuses.containsKey(401) && !statuses.containsKey(403);
        String what = real ? REQUESTS + spec.name() + ".json" : "{} (no " + REQUESTS + spec.name() + ".json)";
        if (ok) {
            log.info("training: POST {} with {}: statuses {}", path, what, statuses);
            return 0;
        }
        log.error("training: POST {} with {}: statuses {}, expected {}", path, what, statuses,
                real ? "2xx" : "no 401/403");
        return 1;
    }

    /** The token the NRF would issue to the function's first permitted consumer (TS 29.510 6.3.5.2.4). */
    private String token(ECKey key, FunctionSpec<?, ?> spec) {
        ConsumerType consumer = SbiAuthorization.ruleOf(spec).consumers().stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant now = clock.instant();
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", "liquid5gc-training");
        claims.put("aud", spec.nf().name());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        claims.put(AccessTokenClaims.SCOPE, SbiAuthorization.serviceOf(spec).serviceName());
        claims.put(AccessTokenClaims.CONSUMER_NF_TYPE, consumer.name());
        // signed by the runtime's own ES256 code (Nimbus's SignedJWT writes JSON with Gson, which would then be in
        // the AOT cache and every unit)
        return Es256Jws.sign(key, claims);
    }
}
