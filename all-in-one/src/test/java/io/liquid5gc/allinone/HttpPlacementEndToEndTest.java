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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The registration and PDU session chains with every NF as a separate application: the AMF, SMF, PCF, NSSF, AUSF,
 * UDM, UDR and the Release 17 NFs (NSACF, CHF, BSF, NWDAF) each run in their own JVM with only their module on the
 * class path, state in a real Redis, the NRF registry in a real etcd; every NF registers itself in the NRF and the
 * callers find it there (placement http without a URL). This JVM runs the NRF and the N2 proxy, which calls the AMF
 * over HTTP; a simulated gNB and UE register, open and release a PDU session and de-register over SCTP over UDP.
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
    private static int smfPort;
    private static int amfPort;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServerProcess.start();
        etcd = EtcdServerProcess.start();
        int corePort = freePort();
        List<String> shared = List.of("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url(),
                "liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + etcd.endpoint());
        List<String> coreProps = new ArrayList<>(shared);
        coreProps.addAll(List.of("server.port=" + corePort, "server.address=127.0.0.1", "liquid5gc.registration.enabled=false"));
        ALL_NFS.forEach(nf -> coreProps.add("liquid5gc.nf." + nf + ".placement=http"));
        core = new SpringApplicationBuilder(AllInOneApplication.class).properties(coreProps.toArray(String[]::new)).run();
        String nrf = "--liquid5gc.nf.nrf.url=http://127.0.0.1:" + corePort;
        // the NF processes start together (a cold start each), then the test waits for all of them
        List<Started> started = List.of(
                launch("nf-udr", "io.liquid5gc.udr.UdrApplication", shared, nrf, Set.of("udr")),
                launch("nf-udm", "io.liquid5gc.udm.UdmApplication", shared, nrf, Set.of("udm")),
                launch("nf-ausf", "io.liquid5gc.ausf.AusfApplication", shared, nrf, Set.of("ausf")),
                launch("nf-pcf", "io.liquid5gc.pcf.PcfApplication", shared, nrf, Set.of("pcf")),
                launch("nf-nssf", "io.liquid5gc.nssf.NssfApplication", shared, nrf, Set.of("nssf")),
                launch("nf-r17", "io.liquid5gc.r17.R17Application", shared, nrf, Set.of("chf", "bsf", "nwdaf", "nsacf")),
                launch("nf-smf", "io.liquid5gc.smf.SmfApplication", shared, nrf, Set.of("smf")),
                launch("nf-amf", "io.liquid5gc.amf.AmfApplication", shared, nrf, Set.of("amf")));
        for (Started nf : started) {
            awaitReady(nf);
        }
        ausfPort = started.get(2).port();
        smfPort = started.get(6).port();
        amfPort = started.get(7).port();
    }

    private record Started(String module, Process process, int port) {
    }

    /** NF keys and the modules that host them, so each process calls every NF it does not host over http. */
    private static final List<String> ALL_NFS = List.of("amf", "smf", "ausf", "udm", "udr", "pcf", "nssf", "chf", "bsf", "nwdaf", "nsacf");

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
    void whenAUeRegistersAndOpensAPduSession_thenEveryNfTalksOverHttp() throws Exception {
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            io.liquid5gc.nas.ie.SNssai slice = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
            SimUe ue = new SimUe(1, "001", "01", "0000000007", K, OPC, List.of(slice));
            SimUe.Registration r = ue.register(gnb).get(60, TimeUnit.SECONDS);
            assertThat(r.registered()).isTrue();
            assertThat(r.guti()).isNotBlank();
            SimUe.Session s = ue.establishSession(1, "internet", slice).get(60, TimeUnit.SECONDS);
            assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
            assertThat(s.address()).isNotBlank();
            assertThat(ue.releaseSession(1).get(60, TimeUnit.SECONDS)).isEqualTo(36);
            assertThat(ue.deregister(false).get(60, TimeUnit.SECONDS)).isTrue();
        }
        String ausfMetrics = get("http://127.0.0.1:" + ausfPort + "/actuator/prometheus");
        assertThat(ausfMetrics).containsPattern("liquid5gc_function_invocations_seconds_count\\{function=\"ausf-authenticate\",nf=\"ausf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(ausfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"udm-generate-auth-data\",nf=\"udm\",outcome=\"success\",placement=\"http\"} [1-9]");
        String amfMetrics = get("http://127.0.0.1:" + amfPort + "/actuator/prometheus");
        assertThat(amfMetrics).containsPattern("liquid5gc_function_invocations_seconds_count\\{function=\"amf-pdu-session-relay\",nf=\"amf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(amfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"smf-pdu-session-create\",nf=\"smf\",outcome=\"success\",placement=\"http\"} [1-9]");
        String smfMetrics = get("http://127.0.0.1:" + smfPort + "/actuator/prometheus");
        assertThat(smfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"pcf-policy-create\",nf=\"pcf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(smfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"nsacf-[a-z-]+\",nf=\"nsacf\",outcome=\"success\",placement=\"http\"} [1-9]");
    }

    /** Starts one NF as its own JVM with only that NF's module on the class path; every NF it does not host is http. */
    private static Started launch(String module, String mainClass, List<String> shared, String nrf, Set<String> hosts) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", classPathWithOnly(module), mainClass, "--server.port=" + port, "--server.address=127.0.0.1",
                "--liquid5gc.nf.nrf.placement=http", "--liquid5gc.registration.advertised-url=http://127.0.0.1:" + port,
                "--liquid5gc.store.memory.journal=none", nrf));
        shared.forEach(p -> cmd.add("--" + p));
        ALL_NFS.stream().filter(nf -> !hosts.contains(nf)).forEach(nf -> cmd.add("--liquid5gc.nf." + nf + ".placement=http"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of("target", module + "-e2e.log").toFile()).start();
        nfs.add(p);
        return new Started(module, p, port);
    }

    private static void awaitReady(Started nf) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!nf.process().isAlive()) {
                throw new IllegalStateException(nf.module() + " exited with " + nf.process().exitValue() + "; see target/" + nf.module() + "-e2e.log");
            }
            try {
                if (get("http://127.0.0.1:" + nf.port() + "/actuator/health/readiness").contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(nf.module() + " not ready; see target/" + nf.module() + "-e2e.log");
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
