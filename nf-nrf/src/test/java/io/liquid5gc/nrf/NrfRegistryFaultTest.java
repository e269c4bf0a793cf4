package io.liquid5gc.nrf;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.store.etcd.EtcdServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Waiting, not exiting (issue 17), for the registry: a real NRF application on a real etcd that is not there when the
 * NRF starts, then comes, then is stopped and started again on the same port while the NRF runs. Registrations answer
 * 503 with Retry-After while etcd is away, readiness follows etcd, and the NRF never restarts.
 */
class NrfRegistryFaultTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final io.liquid5gc.runtime.http.HttpPolling polling = new io.liquid5gc.runtime.http.HttpPolling(http, DEADLINE);

    @Test
    void whenEtcdIsAbsentAtStartThenComesAndGoes_thenTheNrfWaitsNotReadyAnswers503MeanwhileAndRecoversByItself() throws Exception {
        try (EtcdServerProcess etcd = EtcdServerProcess.start()) {
            etcd.stop();
            int port = freePort();
            String base = "http://127.0.0.1:" + port;
            try (ConfigurableApplicationContext nrf = new SpringApplicationBuilder(NrfApplication.class).properties(
                    "server.port=" + port, "server.address=127.0.0.1", "spring.application.name=nrf-fault",
                    // the test calls from loopback without tokens: this NRF serves only 127.0.0.1
                    "liquid5gc.security.trust-loopback=true", "liquid5gc.store.memory.journal=none",
                    "liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + etcd.endpoint(),
                    "liquid5gc.registry.etcd.timeout=2s", "liquid5gc.store.check-interval=1s").run()) {
                assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
                HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("\"registry\"").contains("CONNECTING").contains(etcd.endpoint());
                assertUnavailableAtOnce(base);

                etcd.restart();
                await(base + "/actuator/health/readiness", r -> r.statusCode() == 200);
                assertThat(register(base).statusCode()).isEqualTo(200);

                etcd.stop();
                await(base + "/actuator/health/readiness", r -> r.statusCode() == 503 && r.body().contains("LOST"));
                assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
                assertUnavailableAtOnce(base);

                etcd.restart();
                await(base + "/actuator/health/readiness", r -> r.statusCode() == 200);
                assertThat(register(base).statusCode()).isEqualTo(200);
            }
        }
    }

    private void assertUnavailableAtOnce(String base) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = register(base);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.body()).contains("\"cause\":\"STORE_UNAVAILABLE\"").doesNotContain("127.0.0.1");
        assertThat(took).as("bounded by the etcd call timeout (2 s), not the client's").isLessThan(Duration.ofSeconds(5));
    }

    private HttpResponse<String> register(String base) throws Exception {
        NfProfile profile = new NfProfile(UUID.randomUUID().toString(), "UDM", "REGISTERED", 30, List.of(), List.of(), "127.0.0.1",
                List.of(), List.of(new NfProfile.NfService("functions", "liquid5gc-functions", "http", "http://127.0.0.1:1")), null);
        return http.send(HttpRequest.newBuilder(URI.create(base + "/nrf-register")).timeout(CLIENT_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new JsonMapper().writeValueAsBytes(profile))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return polling.get(url);
    }

    private void await(String url, Predicate<HttpResponse<String>> done) throws Exception {
        polling.await(url, done);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
