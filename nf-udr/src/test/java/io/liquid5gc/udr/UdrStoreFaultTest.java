package io.liquid5gc.udr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liquid5gc.runtime.placement.FunctionCallException;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.security.TestTokenIssuer;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.Caller;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.sbi.udr.DataReadRequest;
import io.liquid5gc.sbi.udr.SubscriptionData;
import io.liquid5gc.sbi.udr.UdrApi;
import io.liquid5gc.sbi.udr.UdrDataSet;
import io.liquid5gc.store.redis.RedisServerProcess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Waiting, not exiting (issue 17): a real UDR application (its HTTP server, actuator and functions) on a real
 * redis-server that is not there when the UDR starts, then comes, then is stopped and started again on the same port
 * while the UDR runs. The UDR never restarts; its readiness follows the store; calls answer 503 with Retry-After at
 * once while the store is away; a caller in another application (placement http) sees a retried 503.
 */
class UdrStoreFaultTest {

    private static final String SUPI = "imsi-001019990000001"; // in test-subscribers.yaml
    /** The client's timeout: a call while Redis is away must answer well within it. */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final io.liquid5gc.runtime.http.HttpPolling polling = new io.liquid5gc.runtime.http.HttpPolling(http, DEADLINE);

    @Test
    void whenRedisIsAbsentAtStartThenComesAndGoes_thenTheUdrWaitsNotReadyAnswers503MeanwhileAndRecoversByItself() throws Exception {
        TestTokenIssuer nrf = new TestTokenIssuer();
        String token = nrf.issue(new AccessTokenReq("00000000-0000-4000-8000-000000000002", ConsumerType.UDM, "udr", null,
                "nudr-dr")).accessToken();
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            redis.stop(); // the port is known, nothing listens on it: the UDR starts before its store
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            try (ConfigurableApplicationContext udr = new SpringApplicationBuilder(UdrApplication.class).properties(
                    "server.port=" + port, "server.address=127.0.0.1", "spring.application.name=udr-fault",
                    "liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url(), "liquid5gc.store.redis.timeout=2s",
                    "liquid5gc.store.check-interval=1s", "liquid5gc.security.jwks=" + nrf.publicJwks(),
                    "liquid5gc.provisioning.default-subscribers=classpath:test-subscribers.yaml").run();
                 ConfigurableApplicationContext caller = new SpringApplicationBuilder(Caller5gc.class).web(WebApplicationType.NONE)
                         .properties("spring.application.name=udm-caller", "liquid5gc.store.memory.journal=none",
                                 "liquid5gc.nf.udr.placement=http", "liquid5gc.nf.udr.url=" + base,
                                 "liquid5gc.http.timeout=" + CLIENT_TIMEOUT.toSeconds() + "s")
                         .initializers(ctx -> ctx.getBeanFactory().registerSingleton("testTokenIssuer", nrf)).run()) {

                // 1. started before its store: up (liveness), not ready, calls refused at once
                assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
                HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("\"stores\"").contains("CONNECTING").contains(redis.url());
                assertUnavailableAtOnce(base, token);

                // 2. the store starts: ready by itself (the default subscribers imported first), calls succeed
                redis.restart();
                await(base + "/actuator/health/readiness", r -> r.statusCode() == 200);
                assertThat(read(base, token).statusCode()).isEqualTo(200);
                FunctionClient client = caller.getBean(FunctionClient.class);
                assertThat(asUdm(() -> client.call(UdrApi.DATA_READ, DataReadRequest.of(SUPI, UdrDataSet.AM_DATA))))
                        .extracting(SubscriptionData::ueId).isEqualTo(SUPI);

                // 3. the store is stopped while the UDR runs: readiness DOWN (liveness UP), 503 + Retry-After at once
                redis.stop();
                await(base + "/actuator/health/readiness", r -> r.statusCode() == 503 && r.body().contains("LOST"));
                assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
                assertUnavailableAtOnce(base, token);
                // a function-to-function caller: idempotent, so the 503 is retried (liquid5gc.http.max-attempts=3), then thrown
                Timer refused = udr.getBean(MeterRegistry.class).find("liquid5gc.function.invocations")
                        .tags("function", UdrApi.Names.DATA_READ, "outcome", "failed").timer();
                long before = refused == null ? 0 : refused.count();
                long start = System.nanoTime();
                assertThatThrownBy(() -> asUdm(() -> client.call(UdrApi.DATA_READ, DataReadRequest.of(SUPI, UdrDataSet.AM_DATA))))
                        .isInstanceOfSatisfying(FunctionCallException.class, e -> {
                            assertThat(e.kind()).isEqualTo(FunctionCallException.Kind.PEER_ERROR);
                            assertThat(e.status()).isEqualTo(503);
                            assertThat(e.problem().cause()).isEqualTo("STORE_UNAVAILABLE");
                        });
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(CLIENT_TIMEOUT);
                assertThat(udr.getBean(MeterRegistry.class).find("liquid5gc.function.invocations")
                        .tags("function", UdrApi.Names.DATA_READ, "outcome", "failed").timer().count() - before).isEqualTo(3);

                // 4. the store is back on the same port: the UDR recovers without a restart, with the data (AOF)
                redis.restart();
                await(base + "/actuator/health/readiness", r -> r.statusCode() == 200);
                assertThat(read(base, token).statusCode()).isEqualTo(200);
                assertThat(asUdm(() -> client.call(UdrApi.DATA_READ, DataReadRequest.of(SUPI, UdrDataSet.AM_DATA))).ueId()).isEqualTo(SUPI);
            }
        }
    }

    /** A read answers 503 problem+json STORE_UNAVAILABLE with Retry-After, well within the client's timeout. */
    private void assertUnavailableAtOnce(String base, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = read(base, token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(r.body()).contains("\"cause\":\"STORE_UNAVAILABLE\"").contains("\"instance\":\"/udr-data-read\"")
                .doesNotContain("127.0.0.1").doesNotContain("Exception");
        // bounded by the Redis command timeout (2 s) at worst, never by the client's
        assertThat(took).isLessThan(Duration.ofSeconds(5));
    }

    private HttpResponse<String> read(String base, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/udr-data-read")).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"ueId\":\"" + SUPI + "\",\"dataSets\":[\"am-data\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return polling.get(url);
    }

    private void await(String url, Predicate<HttpResponse<String>> done) throws Exception {
        polling.await(url, done);
    }

    private static <T> T asUdm(java.util.function.Supplier<T> call) {
        return Caller.callAs(Caller.ofFunction(ConsumerType.UDM), call::get);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The calling side: the runtime (and its FunctionClient) with the UDR placed http. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Caller5gc {
    }
}
