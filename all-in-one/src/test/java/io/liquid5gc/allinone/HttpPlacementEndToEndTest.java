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
import java.util.Map;
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
 *
 * <p>With SBI security on (TS 33.501 13.4.1): every NF process has its own instance id and client secret, which the
 * NRF knows; each gets its tokens from the NRF's {@code /oauth2/token}, verifies its callers' tokens with the NRF's
 * {@code /oauth2/jwks}, and registers only itself. The proxy's calls carry an N2_PROXY token.
 */
class HttpPlacementEndToEndTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static HttpClient HTTP = HttpClient.newHttpClient();
    /** Mutual TLS between every process (HttpPlacementMtlsEndToEndTest), each with its own NF certificate. */
    static boolean mtls;
    static boolean security = true;
    private static io.liquid5gc.runtime.security.TestCertificates certs;
    private static final String CORE_ID = "00000000-0000-4000-8000-000000000100";

    private static String scheme() {
        return mtls ? "https" : "http";
    }

    private static RedisServerProcess redis;
    private static EtcdServerProcess etcd;
    static ConfigurableApplicationContext core;
    private static final List<Process> nfs = new ArrayList<>();
    private static int ausfPort;
    private static int udrPort;
    private static int udmPort;
    private static int smfPort;
    private static int amfPort;
    /** Every process's HTTP port (the core first), for HttpPlacementRegistrationLatency's per-hop figures. */
    static final List<Integer> METRICS_PORTS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        startCore(false);
    }

    static void startCore(boolean withMtls) throws Exception {
        startCore(withMtls, true);
    }

    /** Tokens off too ({@code securityOn=false}, a lab setting): for HttpPlacementRegistrationLatency's comparison. */
    static void startCore(boolean withMtls, boolean securityOn) throws Exception {
        mtls = withMtls;
        security = securityOn;
        if (mtls) {
            certs = new io.liquid5gc.runtime.security.TestCertificates(Path.of("target", "e2e-certs-" + System.nanoTime()));
            certs.issue("core", CORE_ID);
            certs.issue("test-client", "00000000-0000-4000-8000-000000000999");
            HTTP = HttpClient.newBuilder().sslContext(testClientTls()).build();
        }
        redis = RedisServerProcess.start();
        etcd = EtcdServerProcess.start();
        int corePort = freePort();
        List<String> shared = List.of("liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url(),
                "liquid5gc.registry.type=etcd", "liquid5gc.registry.etcd.endpoints=" + etcd.endpoint(),
                // every NF is a cold C1-only JVM on a possibly busy CI machine: the first chain's calls may take
                // seconds each; this test is about what flows, not how fast (HttpPlacementRegistrationLatency is)
                "liquid5gc.http.timeout=30s");
        List<String> coreProps = new ArrayList<>(shared);
        coreProps.addAll(List.of("server.port=" + corePort, "server.address=127.0.0.1", "liquid5gc.registration.enabled=false",
                // the core's NRF serves tokens to the NF processes and enforces them on its own functions
                "liquid5gc.security.trust-loopback=false", "liquid5gc.security.nf-instance-id=" + CORE_ID));
        if (!security) {
            coreProps.add("liquid5gc.security.enabled=false");
        }
        if (mtls) {
            coreProps.add("liquid5gc.security.mtls.enabled=true");
            coreProps.addAll(certs.bundleProperties("sbi", "core"));
        }
        for (int i = 0; i < MODULES.size(); i++) {
            coreProps.add("liquid5gc.nrf.oauth2.clients[" + i + "].nf-instance-id=" + instanceId(i));
            coreProps.add("liquid5gc.nrf.oauth2.clients[" + i + "].nf-types=" + String.join(",", NF_TYPES.get(i)));
            coreProps.add("liquid5gc.nrf.oauth2.clients[" + i + "].secret={noop}" + secret(i));
        }
        ALL_NFS.forEach(nf -> coreProps.add("liquid5gc.nf." + nf + ".placement=http"));
        core = new SpringApplicationBuilder(AllInOneApplication.class).properties(coreProps.toArray(String[]::new)).run();
        String nrf = "--liquid5gc.nf.nrf.url=" + scheme() + "://127.0.0.1:" + corePort;
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
        for (Started nf : started) {
            // ready while a sibling was still starting is not enough: a process that failed to bind has exited by now
            if (!nf.process().isAlive()) {
                throw new IllegalStateException(nf.module() + " exited with " + nf.process().exitValue() + "; see target/" + nf.module() + "-e2e.log");
            }
        }
        METRICS_PORTS.clear();
        METRICS_PORTS.add(corePort);
        started.forEach(nf -> METRICS_PORTS.add(nf.port()));
        udrPort = started.get(0).port();
        udmPort = started.get(1).port();
        ausfPort = started.get(2).port();
        smfPort = started.get(6).port();
        amfPort = started.get(7).port();
    }

    private record Started(String module, Process process, int port) {
    }

    /** The NF modules, in launch order, and the consumer types each process may ask tokens as. */
    private static final List<String> MODULES = List.of("nf-udr", "nf-udm", "nf-ausf", "nf-pcf", "nf-nssf", "nf-r17", "nf-smf", "nf-amf");
    private static final List<List<String>> NF_TYPES = List.of(List.of("UDR"), List.of("UDM"), List.of("AUSF"), List.of("PCF"),
            List.of("NSSF"), List.of("CHF", "BSF", "NWDAF", "NSACF"), List.of("SMF"), List.of("AMF"));

    private static String instanceId(int module) {
        return String.format("00000000-0000-4000-8000-%012d", module + 1);
    }

    /** Each instance's client secret: made at random for this run, as an operator's Secret would hold it. */
    private static final List<String> SECRETS = MODULES.stream().map(m -> java.util.UUID.randomUUID().toString()).toList();

    private static String secret(int module) {
        return SECRETS.get(module);
    }

    /** NF keys and the modules that host them, so each process calls every NF it does not host over http. */
    private static final List<String> ALL_NFS = List.of("amf", "smf", "ausf", "udm", "udr", "pcf", "nssf", "chf", "bsf", "nwdaf", "nsacf");

    @AfterAll
    static void stop() {
        nfs.forEach(Process::destroy);
        for (Process p : nfs) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        nfs.clear();
        if (core != null) {
            core.close();
            core = null;
        }
        if (etcd != null) {
            etcd.close();
            etcd = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }

    @Test
    void whenAUeRegistersAndOpensAPduSession_thenEveryNfTalksOverHttp() throws Exception {
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x21, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            io.liquid5gc.nas.ie.SNssai slice = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
            SimUe ue = new SimUe(1, "001", "01", "0000000007", K, OPC, List.of(slice));
            SimUe.Registration r = ue.register(gnb).get(180, TimeUnit.SECONDS); // the first chain warms every cold NF JVM
            assertThat(r.registered()).isTrue();
            assertThat(r.guti()).isNotBlank();
            SimUe.Session s = ue.establishSession(1, "internet", slice).get(60, TimeUnit.SECONDS);
            assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
            assertThat(s.address()).isNotBlank();
            assertThat(ue.releaseSession(1).get(60, TimeUnit.SECONDS)).isEqualTo(36);
            assertThat(ue.deregister(false).get(60, TimeUnit.SECONDS)).isTrue();
        }
        String ausfMetrics = get(scheme() + "://127.0.0.1:" + ausfPort + "/actuator/prometheus");
        assertThat(ausfMetrics).containsPattern("liquid5gc_function_invocations_seconds_count\\{function=\"ausf-authenticate\",nf=\"ausf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(ausfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"udm-generate-auth-data\",nf=\"udm\",outcome=\"success\",placement=\"http\"} [1-9]");
        String amfMetrics = get(scheme() + "://127.0.0.1:" + amfPort + "/actuator/prometheus");
        assertThat(amfMetrics).containsPattern("liquid5gc_function_invocations_seconds_count\\{function=\"amf-pdu-session-relay\",nf=\"amf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(amfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"smf-pdu-session-create\",nf=\"smf\",outcome=\"success\",placement=\"http\"} [1-9]");
        String smfMetrics = get(scheme() + "://127.0.0.1:" + smfPort + "/actuator/prometheus");
        assertThat(smfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"pcf-policy-create\",nf=\"pcf\",outcome=\"success\",placement=\"http\"} [1-9]");
        assertThat(smfMetrics).containsPattern("liquid5gc_function_calls_seconds_count\\{function=\"nsacf-[a-z-]+\",nf=\"nsacf\",outcome=\"success\",placement=\"http\"} [1-9]");
    }

    @Test
    void whenAnyoneCallsAnNfProcessWithoutAToken_then401ProblemAndNoKey() throws Exception {
        HttpResponse<String> udr = post(scheme() + "://127.0.0.1:" + udrPort + "/udr-data-read",
                "{\"ueId\":\"imsi-001010000000007\",\"dataSets\":[\"authentication-subscription\"],\"requester\":\"UDM\"}", null);
        assertThat(udr.statusCode()).isEqualTo(401);
        assertThat(udr.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(udr.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(t -> assertThat(t).startsWith("Bearer"));
        assertThat(udr.body()).doesNotContain(Hex.encode(K)).doesNotContain("encPermanentKey");
        HttpResponse<String> udm = post(scheme() + "://127.0.0.1:" + udmPort + "/udm-generate-auth-data",
                "{\"supiOrSuci\":\"imsi-001010000000007\",\"authenticationInfoRequest\":{\"servingNetworkName\":\"5G:mnc001.mcc001.3gppnetwork.org\",\"ausfInstanceId\":\"x\"}}",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertThat(udm.statusCode()).isEqualTo(401);
        assertThat(udm.body()).doesNotContain("xresStar").doesNotContain("kausf");
    }

    private static HttpResponse<String> post(String url, String json, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts one NF as its own JVM with only that NF's module on the class path; every NF it does not host is http. */
    private static Started launch(String module, String mainClass, List<String> shared, String nrf, Set<String> hosts) throws Exception {
        int port = freePort();
        int index = MODULES.indexOf(module);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // C1 only by default: quick to start, what this test needs; the latency measurement runs them as deployed
        cmd.addAll(Arrays.asList(System.getProperty("liquid5gc.e2e.nf-jvm-options", "-Xmx256m -XX:TieredStopAtLevel=1").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", classPathWithOnly(module), mainClass, "--server.port=" + port, "--server.address=127.0.0.1",
                "--liquid5gc.nf.nrf.placement=http", "--liquid5gc.registration.advertised-url=" + scheme() + "://127.0.0.1:" + port,
                "--liquid5gc.store.memory.journal=none", nrf,
                "--liquid5gc.security.nf-instance-id=" + instanceId(index)));
        if (!security) {
            cmd.add("--liquid5gc.security.enabled=false");
        }
        if (mtls) {
            certs.issue(module, instanceId(index));
            cmd.add("--liquid5gc.security.mtls.enabled=true");
            certs.bundleProperties("sbi", module).forEach(p -> cmd.add("--" + p));
        }
        Map<String, String> env = new java.util.HashMap<>();
        env.put("LIQUID5GC_SECURITY_CLIENTSECRET", secret(index)); // from the environment, as from a Kubernetes Secret
        shared.forEach(p -> cmd.add("--" + p));
        ALL_NFS.stream().filter(nf -> !hosts.contains(nf)).forEach(nf -> cmd.add("--liquid5gc.nf." + nf + ".placement=http"));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.redirectErrorStream(true).redirectOutput(Path.of("target", module + "-e2e.log").toFile()).start();
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
                // ready (its Redis and etcd answer: readiness includes the stores) and registered in the NRF, which
                // the callers find it through (NfSelfRegistration runs beside the start, not before readiness)
                String base = scheme() + "://127.0.0.1:" + nf.port() + "/actuator/health/";
                if (status(base + "readiness") == 200 && status(base + "nrfRegistration") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(nf.module() + " not ready; see target/" + nf.module() + "-e2e.log");
    }

    /** The test class path without the other NF modules, the all-in-one, the proxy and ransim: what {@code module} alone has (SplitConsoleBrowserTest, SplitSmfUserPlaneTest). */
    static String classPathWithOnly(String module) {
        Pattern other = Pattern.compile(".*[/\\\\](nf-(?!" + module.substring(3) + "\\b)[a-z0-9]+|all-in-one|ngap-proxy|ransim)([/\\\\-].*)?");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !other.matcher(e).matches()).collect(Collectors.joining(File.pathSeparator));
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The test's own client certificate (an instance the NRF does not know: it proves nothing beyond TLS). */
    private static javax.net.ssl.SSLContext testClientTls() throws Exception {
        java.security.cert.CertificateFactory cf = java.security.cert.CertificateFactory.getInstance("X.509");
        java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (var in = java.nio.file.Files.newInputStream(certs.dir().resolve("ca.pem"))) {
            trust.setCertificateEntry("ca", cf.generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        org.springframework.boot.ssl.pem.PemSslStoreDetails key = org.springframework.boot.ssl.pem.PemSslStoreDetails.forCertificate(
                "file:" + certs.dir().resolve("test-client.crt")).withPrivateKey("file:" + certs.dir().resolve("test-client.key"));
        java.security.KeyStore ks = new org.springframework.boot.ssl.pem.PemSslStoreBundle(key, null).getKeyStore();
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, null);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Ports handed out to this test's processes: the OS may offer a just-closed ephemeral port again. */
    private static final Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free port none of this test's processes got before (seen in CI: two NF processes given the same port, one
     * failed to bind and the other answered both NFs' readiness, so calls for one NF reached the other).
     */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }
}
