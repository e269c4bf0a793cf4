package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.liquid5gc.runtime.invoke.FunctionDispatcher;
import io.liquid5gc.runtime.placement.FunctionClient;
import io.liquid5gc.runtime.placement.PeerResolver;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.sbi.common.Snssai;
import io.liquid5gc.sbi.nrf.NfDiscoveryRequest;
import io.liquid5gc.sbi.nrf.NfDiscoveryResult;
import io.liquid5gc.sbi.nrf.NfProfile;
import io.liquid5gc.sbi.nrf.NfRegistrationResult;
import io.liquid5gc.sbi.nrf.NrfApi;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One NF (the NRF) runs as a separate JVM process serving HTTP; another process reaches it with {@code http}
 * placement, then with {@code faas} placement through a gateway that routes {@code /function/{name}} (OpenFaaS
 * style), then with {@code local} placement in its own JVM. The answers are the same.
 */
class PlacementIntegrationTest {

    private static Process nrfProcess;
    private static int nrfPort;
    private static HttpServer gateway;
    private static final AtomicInteger gatewayCalls = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startNrfProcessAndGateway() throws Exception {
        nrfPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        nrfProcess = new ProcessBuilder(java, "-Xmx256m", "-cp", nrfOnlyClassPath(),
                "io.liquid5gc.nrf.NrfApplication", "--server.port=" + nrfPort, "--server.address=127.0.0.1",
                "--liquid5gc.store.memory.journal=none",
                // this test is about placement (the gateway stand-in forwards no headers); tokens: SbiSecurityAttacksTest,
                // HttpPlacementEndToEndTest
                "--liquid5gc.security.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "nrf-process.log").toFile())
                .start();
        awaitReady("http://127.0.0.1:" + nrfPort + "/actuator/health/readiness", Duration.ofSeconds(90));

        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/function/", exchange -> {
            gatewayCalls.incrementAndGet();
            String name = exchange.getRequestURI().getPath().substring("/function/".length());
            try (InputStream in = exchange.getRequestBody()) {
                HttpResponse<byte[]> upstream = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nrfPort + "/" + name))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(in.readAllBytes())).build(), HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", upstream.headers().firstValue("Content-Type").orElse("application/json"));
                exchange.sendResponseHeaders(upstream.statusCode(), upstream.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(upstream.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        gateway.start();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.stop(0);
        }
        if (nrfProcess != null) {
            nrfProcess.destroy();
        }
    }

    private static ConfigurableApplicationContext caller(String... properties) {
        List<String> props = new ArrayList<>(List.of("liquid5gc.store.memory.journal=none", "spring.application.name=caller",
                "liquid5gc.security.enabled=false"));
        props.addAll(List.of(properties));
        return new SpringApplicationBuilder(AllInOneApplication.class).web(WebApplicationType.NONE)
                .properties(props.toArray(String[]::new)).run();
    }

    /** Registers an SMF and discovers it through the given caller; returns what discovery found. */
    private static NfDiscoveryResult registerAndDiscover(ConfigurableApplicationContext caller, String instanceId) {
        FunctionClient client = caller.getBean(FunctionClient.class);
        NfProfile smf = new NfProfile(instanceId, "SMF", null, 30, List.of(), List.of(new Snssai(1, "010203")), "smf.example",
                List.of("127.0.0.9"), List.of(), new NfProfile.SmfInfo(List.of(new NfProfile.SnssaiSmfInfoItem(new Snssai(1, "010203"), List.of("internet")))));
        NfRegistrationResult registered = client.call(NrfApi.REGISTER, smf);
        assertThat(registered.created()).isTrue();
        assertThat(registered.profile().nfStatus()).isEqualTo("REGISTERED");
        return client.call(NrfApi.DISCOVER, new NfDiscoveryRequest("SMF", "AMF", List.of(new Snssai(1, "010203")), "internet"));
    }

    private static NfProfile expected(String id) {
        return new NfProfile(id, "SMF", "REGISTERED", 30, List.of(), List.of(new Snssai(1, "010203")), "smf.example",
                List.of("127.0.0.9"), List.of(), new NfProfile.SmfInfo(List.of(new NfProfile.SnssaiSmfInfoItem(new Snssai(1, "010203"), List.of("internet")))));
    }

    @Test
    void whenTheNrfIsReachedOverHttpThenFaasThenLocally_thenTheAnswersAreTheSame() throws Exception {
        String httpId = UUID.randomUUID().toString();
        String faasId = UUID.randomUUID().toString();
        String localId = UUID.randomUUID().toString();

        NfDiscoveryResult viaHttp;
        try (ConfigurableApplicationContext c = caller("liquid5gc.nf.nrf.placement=http", "liquid5gc.nf.nrf.url=http://127.0.0.1:" + nrfPort)) {
            viaHttp = registerAndDiscover(c, httpId);
            assertThat(callCount(c, "http")).isEqualTo(2);
        }
        NfDiscoveryResult viaFaas;
        int before = gatewayCalls.get();
        try (ConfigurableApplicationContext c = caller("liquid5gc.nf.nrf.placement=faas",
                "liquid5gc.faas-url-pattern=http://127.0.0.1:" + gateway.getAddress().getPort() + "/function/{function}")) {
            viaFaas = registerAndDiscover(c, faasId);
            assertThat(callCount(c, "faas")).isEqualTo(2);
        }
        assertThat(gatewayCalls.get() - before).isEqualTo(2);
        NfDiscoveryResult viaLocal;
        try (ConfigurableApplicationContext c = caller("liquid5gc.nf.nrf.placement=local")) {
            viaLocal = registerAndDiscover(c, localId);
            assertThat(callCount(c, "local")).isEqualTo(2);
            assertThat(c.getBean(FunctionDispatcher.class).isDeployed("nrf-discover")).isTrue();
        }

        // over http and faas the same remote registry answered: both SMFs are there, each exactly as registered
        assertThat(viaHttp.nfInstances()).containsExactly(expected(httpId));
        assertThat(viaFaas.nfInstances()).containsExactlyInAnyOrder(expected(httpId), expected(faasId));
        // locally, the caller's own in-process registry answered the same way for its own SMF
        assertThat(viaLocal.nfInstances()).containsExactly(expected(localId));
        assertThat(viaLocal.validityPeriod()).isEqualTo(viaHttp.validityPeriod()).isEqualTo(viaFaas.validityPeriod());

        // and the remote process served those four calls itself
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nrfPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("liquid5gc_function_invocations_seconds_count{function=\"nrf-register\",nf=\"nrf\",outcome=\"success\",placement=\"http\"} 2");
    }

    @Test
    void whenTheNrfProcessIsAskedForAnotherNfsFunction_thenItSaysItIsNotDeployedThere() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nrfPort + "/amf-initial-registration"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("not deployed in this process").contains("nrf-register");
    }

    @Test
    void whenAnNfPlacedHttpHasNoUrl_thenItIsFoundThroughTheNrfWhereItsProcessRegisteredItself() throws Exception {
        int hostPort = freePort();
        String nrfUrl = "liquid5gc.nf.nrf.url=http://127.0.0.1:" + nrfPort;
        ConfigurableApplicationContext host = new SpringApplicationBuilder(AllInOneApplication.class)
                .properties("liquid5gc.store.memory.journal=none", "server.port=" + hostPort, "server.address=127.0.0.1",
                        "liquid5gc.security.enabled=false",
                        "liquid5gc.nf.nrf.placement=http", nrfUrl,
                        "liquid5gc.registration.advertised-url=http://127.0.0.1:" + hostPort)
                .run();
        try (ConfigurableApplicationContext caller = caller("liquid5gc.nf.nrf.placement=http", nrfUrl, "liquid5gc.nf.udm.placement=http")) {
            // the host registered every NF it carries except the NRF; the caller finds the UDM there
            NfDiscoveryResult udms = caller.getBean(FunctionClient.class).call(NrfApi.DISCOVER, NfDiscoveryRequest.of("UDM", "AUSF"));
            assertThat(udms.nfInstances()).singleElement().satisfies(p -> {
                assertThat(p.nfStatus()).isEqualTo("REGISTERED");
                assertThat(p.nfServices()).singleElement().satisfies(svc -> assertThat(svc.apiPrefix()).isEqualTo("http://127.0.0.1:" + hostPort));
            });
            assertThat(caller.getBean(PeerResolver.class).resolve(NfType.UDM)).hasValue(URI.create("http://127.0.0.1:" + hostPort));
            assertThat(caller.getBean(FunctionClient.class).call(NrfApi.DISCOVER, NfDiscoveryRequest.of("NRF", "AMF")).nfInstances()).isEmpty();

            host.close();
            // a process that stops marks its instances undiscoverable at once
            assertThat(caller.getBean(FunctionClient.class).call(NrfApi.DISCOVER, NfDiscoveryRequest.of("UDM", "AUSF")).nfInstances()).isEmpty();
        } finally {
            host.close();
        }
    }

    @Test
    void whenARelease17NfIsSwitchedOff_thenItsFunctionsAreNotDeployedAndCallersSkipIt() {
        try (ConfigurableApplicationContext c = caller("liquid5gc.nf.chf.enabled=false")) {
            FunctionDispatcher d = c.getBean(FunctionDispatcher.class);
            assertThat(d.deployed()).doesNotContain("chf-charging-create", "chf-charging-update", "chf-charging-release")
                    .contains("bsf-binding-register", "nwdaf-data-collect", "nsacf-update-counters");
            assertThat(c.getBean(FunctionClient.class).isEnabled(NfType.CHF)).isFalse();
            assertThat(c.getBean(FunctionClient.class).isEnabled(NfType.BSF)).isTrue();
        }
    }

    private static long callCount(ConfigurableApplicationContext c, String placement) {
        return c.getBean(MeterRegistry.class).find("liquid5gc.function.calls").tag("placement", placement).timers()
                .stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    /** This JVM's class path without the other NFs, the proxy and the all-in-one: the NRF process deploys only the NRF. */
    private static String nrfOnlyClassPath() {
        java.util.regex.Pattern otherNf = java.util.regex.Pattern.compile(".*[/\\\\](nf-(?!nrf)[a-z0-9]+|all-in-one|ngap-proxy)([/\\\\-].*)?");
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !otherNf.matcher(entry).matches())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitReady(String url, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!nrfProcess.isAlive()) {
                throw new IllegalStateException("the NRF process exited with " + nrfProcess.exitValue() + "; see target/nrf-process.log");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the NRF process was not ready within " + timeout + "; see target/nrf-process.log");
    }
}
