package io.liquid5gc.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner over real HTTP: the "process" the fake launcher hands out is a JDK HttpServer in this JVM (its readiness
 * endpoint switched by the test, its function echoing what it received), probed by the real {@link HttpReadinessProbe}.
 */
class RunnerHttpServerTest {

    private static final String FN = "udm-generate-auth-data";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final FakeLauncher launcher = new FakeLauncher();
    private final AtomicBoolean unitReady = new AtomicBoolean(true);
    private HttpServer unit;
    private FunctionRunner runner;
    private RunnerHttpServer server;

    @BeforeEach
    void startTheUnitAndTheRunner() throws IOException {
        unit = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        unit.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        unit.createContext("/actuator/health/readiness", ex -> {
            byte[] b = (unitReady.get() ? "{\"status\":\"UP\"}" : "{\"status\":\"OUT_OF_SERVICE\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(unitReady.get() ? 200 : 503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        unit.createContext("/" + FN, ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            byte[] out = ("{\"echo\":" + new String(in, StandardCharsets.UTF_8) + "}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            ex.getResponseHeaders().set("X-Seen-Authorization", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            ex.getResponseHeaders().set("X-Seen-Method-Path", ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
            ex.getResponseHeaders().set("Location", "http://udm/xyz");
            ex.sendResponseHeaders(201, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        unit.start();
        launcher.port = unit.getAddress().getPort();
    }

    private void startRunner(RunnerSettings settings) throws IOException {
        runner = new FunctionRunner(settings.withProbeInterval(Duration.ofMillis(20)),
                List.of(new UnitCommand(FN, List.of("unit", "{port}"), null, null)), launcher,
                new HttpReadinessProbe(RunnerSettings.DEFAULT_READINESS_PATH), Clock.systemUTC());
        server = RunnerHttpServer.start(runner);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (runner != null) {
            runner.close();
        }
        unit.stop(0);
    }

    @Test
    void whenAFunctionIsCalled_thenTheBodyAndAuthorizationGoThroughAndStatusTypeAndHeadersComeBackAsTheyAre() throws Exception {
        startRunner(RunnerSettings.defaults());

        HttpResponse<String> answer = post("/" + FN, "{\"supi\":\"imsi-001010000000001\"}", "Bearer eyJ.token.sig");

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(answer.headers().firstValue("X-Seen-Authorization")).hasValue("Bearer eyJ.token.sig");
        assertThat(answer.headers().firstValue("X-Seen-Method-Path")).hasValue("POST /" + FN);
        assertThat(answer.headers().firstValue("Location")).hasValue("http://udm/xyz");
        assertThat(answer.body()).isEqualTo("{\"echo\":{\"supi\":\"imsi-001010000000001\"}}");
        assertThat(runner.stats().getFirst().coldStarts()).isEqualTo(1);
        assertThat(runner.stats().getFirst().waitedForColdStart()).isEqualTo(1);

        HttpResponse<String> stats = get("/runner/stats");
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(stats.body()).startsWith("{\"liveProcesses\":1,\"functions\":{\"" + FN + "\":{\"state\":\"READY\",\"coldStarts\":1,")
                .contains("\"requests\":1").contains("\"waitedForColdStart\":1").contains("\"coldStartMs\":{\"count\":1,");
        assertThat(get("/runner/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void whenAPlanPrestartsAFunction_thenItsProcessStartsWithoutARequestAndItsFirstCallIsWarm() throws Exception {
        startRunner(RunnerSettings.defaults());

        HttpResponse<String> started = post("/runner/prestart/" + FN, "", null);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.body()).isEqualTo("{\"function\":\"" + FN + "\",\"state\":\"STARTING\"}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runner.stats().getFirst().state() != UnitState.READY && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(post("/runner/prestart/" + FN, "", null).statusCode()).isEqualTo(200);
        assertThat(post("/" + FN, "{}", null).statusCode()).isEqualTo(201);
        assertThat(runner.stats().getFirst().waitedForColdStart()).isZero();
        assertThat(get("/runner/stats").body()).contains("\"prestarts\":1");
        assertThat(post("/runner/prestart/nope-function", "", null).statusCode()).isEqualTo(404);
        assertThat(get("/runner/prestart/" + FN).statusCode()).isEqualTo(405);
        assertThat(launcher.launched).hasSize(1);
    }

    @Test
    void whenTheQueueIsFull_thenTheRunnerAnswers503ProblemWithRetryAfter() throws Exception {
        unitReady.set(false);
        startRunner(RunnerSettings.defaults().withMaxQueue(1));
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> {
            try {
                return post("/" + FN, "{}", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        FunctionRunnerTest.await(() -> runner.stats().getFirst().requests() == 1);

        HttpResponse<String> refused = post("/" + FN, "{}", null);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"status\":503").contains("\"cause\":\"NF_CONGESTION\"")
                .contains("\"instance\":\"/" + FN + "\"").contains("1 requests already wait for the cold start of " + FN);

        unitReady.set(true);
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    }

    @Test
    void whenTheUnitCannotStart_thenTheRunnerAnswers503ProblemWithoutTheProcessOutput() throws Exception {
        launcher.dieAtOnce = true;
        startRunner(RunnerSettings.defaults());

        HttpResponse<String> refused = post("/" + FN, "{}", "Bearer t");

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body()).contains("\"cause\":\"NF_SERVICE_FAILOVER\"").contains("did not start")
                .contains("its output is in the runner's log").doesNotContain(FakeLauncher.LOG_LINE);
    }

    @Test
    void whenTheRequestIsNotAPostOfAConfiguredFunction_thenAProblemSaysWhy() throws Exception {
        startRunner(RunnerSettings.defaults());

        HttpResponse<String> unknown = post("/nope-function", "{}", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("RESOURCE_URI_STRUCTURE_NOT_FOUND").contains("no function unit at /nope-function");

        HttpResponse<String> get = get("/" + FN);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");

        assertThat(launcher.launched).as("nothing started for a wrong request").isEmpty();
    }

    @Test
    void whenTheBodyIsLargerThanMaxBody_then413AndNothingStarts() throws Exception {
        startRunner(new RunnerSettings(null, 0, null, 8, null, null, null, null, null, null, 16));

        HttpResponse<String> tooLarge = post("/" + FN, "{\"this body is\":\"longer than sixteen bytes\"}", null);

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than 16 bytes").contains("liquid5gc.runner.max-body");
        assertThat(launcher.launched).isEmpty();
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
