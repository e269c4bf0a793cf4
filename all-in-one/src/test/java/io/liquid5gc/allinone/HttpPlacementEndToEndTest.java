package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.security.Hex;
import io.liquid5gc.store.etcd.EtcdServerProcess;
import io.liquid5gc.store.redis.RedisServerProcess;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Registration with the home network as separate applications: the UDR, the UDM and the AUSF each run in their own
 * JVM, state in a real Redis, the NRF registry in a real etcd; every NF registers itself in the NRF and the callers
 * find it there (placement http without a URL). The AMF and the proxy run in this JVM; a simulated gNB and UE
 * register over SCTP over UDP.
 */
class HttpPlacementEndToEndTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RedisServerProcess redis;
    private static EtcdServerProcess etcd;
    private static ConfigurableApplicationContext core;
    private static final List<Process> nfs = new ArrayList<>();
    private static int ausfPort;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServerProcess.start();
        etcd = EtcdServerProcess.start();
        int corePort = freePort();
        List<String> shared = List.of("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url(),
                "liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + etcd.endpoint());
        List<String> coreProps = new ArrayList<>(shared);
        coreProps.addAll(List.of("server.port=" + corePort, "server.address=127.0.0.1", "liquid5gc.nf.ausf.placement=http",
                "liquid5gc.registration.enabled=false"));
        core = new SpringApplicationBuilder(AllInOneApplication.class).properties(coreProps.toArray(String[]::new)).run();
        String nrf = "--liquid5gc.nf.nrf.url=http://127.0.0.1:" + corePort;
        startNf("nf-udr", "io.liquid5gc.udr.UdrApplication", shared, nrf);
        startNf("nf-udm", "io.liquid5gc.udm.UdmApplication", shared, nrf, "--liquid5gc.nf.udr.placement=http");
        ausfPort = startNf("nf-ausf", "io.liquid5gc.ausf.AusfApplication", shared, nrf, "--liquid5gc.nf.udm.placement=http");
    }

    @AfterAll
    static void stop() {
        nfs.forEach(Process::destroy);
        if (core != null) {
            core.close();
        }
        if (etcd != null) {
            etcd.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void whenAUeRegisters_thenAmfAusfUdmUdrTalkOverHttpAndTheUeIsRegistered() throws Exception {
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe.Registration r = new SimUe(1, "001", "01", "0000000007", K, OPC, List.of(io.liquid5gc.nas.ie.SNssai.of(1, 0x010203)))
                    .register(gnb).get(60, TimeUnit.SECONDS);
            assertThat(r.registered()).isTrue();
            assertThat(r.guti()).isNotBlank();
        }
        String ausfMetrics = get("http://127.0.0.1:" + ausfPort + "/actuator/prometheus");
        assertThat(ausfMetrics).containsPattern("liquid5gc_function_invocations_seconds_count\\{function=\"ausf-authenticate\",nf=\"ausf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(ausfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"udm-generate-auth-data\",nf=\"udm\",outcome=\"success\",placement=\"http\"} [1-9]");
    }

    /** Starts one NF as its own JVM with only that NF's module on the class path; returns its HTTP port. */
    private static int startNf(String module, String mainClass, List<String> shared, String... extra) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classPathWithOnly(module), mainClass, "--server.port=" + port, "--server.address=127.0.0.1",
                "--liquid5gc.nf.nrf.placement=http", "--liquid5gc.registration.advertised-url=http://127.0.0.1:" + port,
                "--liquid5gc.store.memory.journal=none"));
        shared.forEach(p -> cmd.add("--" + p));
        cmd.addAll(Arrays.asList(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of("target", module + "-e2e.log").toFile()).start();
        nfs.add(p);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(module + " exited with " + p.exitValue() + "; see target/" + module + "-e2e.log");
            }
            try {
                if (get("http://127.0.0.1:" + port + "/actuator/health/readiness").contains("UP")) {
                    return port;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(module + " not ready; see target/" + module + "-e2e.log");
    }

    private static String classPathWithOnly(String module) {
        Pattern other = Pattern.compile(".*[/\\\\](nf-(?!" + module.substring(3) + "\\b)[a-z0-9]+|all-in-one|ngap-proxy|ransim)([/\\\\-].*)?");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !other.matcher(e).matches()).collect(Collectors.joining(File.pathSeparator));
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
