package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.gtpu.Open5gsUpf;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.GnbUserPlane;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.ransim.UserPlanePing;
import io.liquid5gc.sbi.security.AccessTokenReq;
import io.liquid5gc.sbi.security.ConsumerType;
import io.liquid5gc.security.Hex;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SMF in a process of its own, driving a real UPF (Open5GS's, in its own namespace), while N2 (the ngap-proxy) and
 * the other NFs run in this JVM's core: the SMF reaches the AMF's N2 side only over HTTP, by Namf_Communication
 * N1N2MessageTransfer (TS 29.518) with its own access token from the core's NRF (SBI security on, tokens enforced).
 * An idle UE gets downlink data: the UPF buffers and reports, the SMF process posts the transfer, the core pages the
 * UE, its Service Request re-activates the session and the buffered datagram arrives. A UE whose CHF quota runs out
 * is released by the SMF process and told over the same transfer (PDU Session Release Command). The transfer resource
 * refuses callers without a proper token and answers 404 for unknown UEs. Skips only without root, namespaces or the
 * UPF build.
 */
class SplitSmfUserPlaneTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<SNssai> SLICE = List.of(new SNssai(1, 0x010203));
    private static final io.liquid5gc.nas.ie.SNssai NAS_SLICE = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
    private static final String NS = "e2esplit";
    private static final String CORE_ID = "00000000-0000-4000-8000-000000000200";
    private static final String SMF_ID = "00000000-0000-4000-8000-000000000201";
    private static final String PROXY_ID = "00000000-0000-4000-8000-000000000202";
    private static final String SMF_SECRET = UUID.randomUUID().toString();
    private static final String PROXY_SECRET = UUID.randomUUID().toString();
    /** The subscriber whose 3,000 octets run out (URR threshold 1,000 in the SMF process). */
    private static final String QUOTA_MSIN = "0000000682";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Open5gsUpf upf;
    private static ConfigurableApplicationContext core;
    private static Process smf;
    private static int corePort;
    private static int smfPort;

    @BeforeAll
    static void start() throws Exception {
        String reason = Open5gsUpf.unavailableReason();
        Assumptions.assumeTrue(reason == null, "real UPF unavailable: " + reason);
        upf = Open5gsUpf.start(NS, 37);
        corePort = freePort();
        smfPort = freePort();
        String coreUrl = "http://127.0.0.1:" + corePort;
        core = new SpringApplicationBuilder(AllInOneApplication.class).properties(
                "server.port=" + corePort, "server.address=127.0.0.1", "liquid5gc.registration.enabled=false",
                // tokens are checked on loopback too: the SMF process proves itself like any remote NF
                "liquid5gc.security.trust-loopback=false", "liquid5gc.security.nf-instance-id=" + CORE_ID,
                "liquid5gc.nrf.oauth2.clients[0].nf-instance-id=" + SMF_ID, "liquid5gc.nrf.oauth2.clients[0].nf-types=SMF",
                "liquid5gc.nrf.oauth2.clients[0].secret={noop}" + SMF_SECRET,
                "liquid5gc.nrf.oauth2.clients[1].nf-instance-id=" + PROXY_ID, "liquid5gc.nrf.oauth2.clients[1].nf-types=N2_PROXY",
                "liquid5gc.nrf.oauth2.clients[1].secret={noop}" + PROXY_SECRET,
                "liquid5gc.chf.subscribers[0].supi=imsi-00101" + QUOTA_MSIN, "liquid5gc.chf.subscribers[0].rating-group=1",
                "liquid5gc.chf.subscribers[0].quota=3000",
                "liquid5gc.nf.smf.placement=http", "liquid5gc.nf.smf.url=http://127.0.0.1:" + smfPort,
                "liquid5gc.http.timeout=30s").run();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", HttpPlacementEndToEndTest.classPathWithOnly("nf-smf"),
                "io.liquid5gc.smf.SmfApplication", "--server.port=" + smfPort, "--server.address=127.0.0.1",
                "--liquid5gc.registration.enabled=false", "--liquid5gc.store.memory.journal=none",
                "--liquid5gc.security.nf-instance-id=" + SMF_ID, "--liquid5gc.security.trust-loopback=false",
                "--liquid5gc.http.timeout=30s",
                // N2 is in the core: N1N2MessageTransfer goes there over HTTP
                "--liquid5gc.smf.amf.n1n2-url=" + coreUrl,
                "--liquid5gc.smf.n4.enabled=true", "--liquid5gc.smf.n4-address=" + upf.smfN4Address().getHostAddress(),
                "--liquid5gc.smf.upf.n4-address=" + upf.pfcpAddress().getHostAddress(),
                "--liquid5gc.smf.upf.n3-address=" + upf.n3Address().getHostAddress(), "--liquid5gc.smf.n4.t1=1s",
                "--liquid5gc.smf.charging.requested-volume=1000"));
        for (String nf : List.of("nrf", "amf", "ausf", "udm", "udr", "pcf", "nssf", "chf", "bsf", "nwdaf", "nsacf")) {
            cmd.add("--liquid5gc.nf." + nf + ".placement=http");
            cmd.add("--liquid5gc.nf." + nf + ".url=" + coreUrl);
        }
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LIQUID5GC_SECURITY_CLIENTSECRET", SMF_SECRET);
        smf = pb.redirectErrorStream(true).redirectOutput(Path.of("target", "split-smf-e2e.log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (!ready("http://127.0.0.1:" + smfPort + "/actuator/health/readiness")) {
            if (!smf.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the SMF process did not start; see target/split-smf-e2e.log");
            }
            Thread.sleep(250);
        }
        // associated with the UPF (the SMF process's gauge)
        for (int i = 0; i < 600 && !java.util.regex.Pattern.compile("liquid5gc_smf_n4_association\\{[^}]*} 1\\.0").matcher(metrics()).find(); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (smf != null) {
            smf.destroy();
            smf.waitFor(30, TimeUnit.SECONDS);
        }
        if (core != null) {
            core.close();
        }
        if (upf != null) {
            upf.close();
        }
    }

    @Test
    void whenAnIdleUeGetsDownlinkData_thenTheSmfProcessHasItPagedOverHttpAndTheDataArrives() throws Exception {
        try (GnbUserPlane n3 = GnbUserPlane.bind(new InetSocketAddress(upf.gnbN3Address(), 2152));
             SimGnb gnb = new SimGnb("001", "01", 1, 0x71, SLICE)) {
            gnb.attachUserPlane(n3);
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(681, "001", "01", "0000000681", K, OPC, List.of(NAS_SLICE));
            assertThat(ue.register(gnb).get(120, TimeUnit.SECONDS).registered()).isTrue();
            SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(120, TimeUnit.SECONDS);
            assertThat(s.established()).as("PDU session: %s; %s", s.failure(), upf.logText()).isTrue();
            gnb.releaseToIdle(ue).get(60, TimeUnit.SECONDS);
            ue.connectionReleased().get(60, TimeUnit.SECONDS);
            int pagedBefore = gnb.pagings().size();
            sendFromDataNetwork(s.address(), "liquid5gc-split-downlink");
            for (int i = 0; i < 600 && gnb.pagings().size() == pagedBefore; i++) {
                Thread.sleep(100);
            }
            assertThat(gnb.pagings()).as("PAGING after the SMF process's N1N2MessageTransfer; see target/split-smf-e2e.log")
                    .hasSizeGreaterThan(pagedBefore);
            assertThat(ue.serviceRequest(gnb).get(60, TimeUnit.SECONDS)).containsExactly(1);
            boolean delivered = false;
            for (int i = 0; i < 600 && !delivered; i++) {
                delivered = gnb.downlinkDelivered(ue, 1).stream()
                        .anyMatch(p -> p.length >= 28 && p[9] == 17 && new String(p, 28, p.length - 28).equals("liquid5gc-split-downlink"));
                Thread.sleep(delivered ? 0 : 100);
            }
            assertThat(delivered).as("the buffered datagram reaches the gNB after the service request; %s", upf.logText()).isTrue();
        }
        assertThat(java.nio.file.Files.readString(Path.of("target", "split-smf-e2e.log")))
                .as("the SMF process's transfer, answered 202 ATTEMPTING_TO_REACH_UE by the core")
                .contains("N1N2MessageTransfer (downlink data) for imsi-001010000000681: 202");
    }

    @Test
    void whenTheQuotaRunsOutInTheSmfProcess_thenTheUeGetsThePduSessionReleaseCommandOverHttp() throws Exception {
        try (GnbUserPlane n3 = GnbUserPlane.bind(new InetSocketAddress(upf.gnb2N3Address(), 2152));
             SimGnb gnb = new SimGnb("001", "01", 1, 0x72, SLICE)) {
            gnb.attachUserPlane(n3);
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            SimUe ue = new SimUe(682, "001", "01", QUOTA_MSIN, K, OPC, List.of(NAS_SLICE));
            assertThat(ue.register(gnb).get(120, TimeUnit.SECONDS).registered()).isTrue();
            SimUe.Session s = ue.establishSession(1, "internet", NAS_SLICE).get(120, TimeUnit.SECONDS);
            assertThat(s.established()).as("PDU session: %s", s.failure()).isTrue();
            // 88 octets a ping and its reply: 3,000 octets last about 35; the release comes within a few more
            UserPlanePing.Result pinged = null;
            for (int round = 0; round < 10 && ue.sessions().containsKey(1); round++) {
                pinged = UserPlanePing.ping(gnb, ue, 1, (Inet4Address) upf.dnAddress(), 10, Duration.ofMillis(20), Duration.ofSeconds(5));
            }
            for (int i = 0; i < 300 && ue.sessions().containsKey(1); i++) {
                Thread.sleep(100);
            }
            assertThat(ue.sessions()).as("released by the SMF process, told over N1N2MessageTransfer (last pings %s); see "
                    + "target/split-smf-e2e.log", pinged).doesNotContainKey(1);
        }
        assertThat(metrics()).containsPattern("liquid5gc_smf_network_releases_total\\{cause=\"QUOTA_EXHAUSTED\"[^}]*} 1\\.0");
        assertThat(java.nio.file.Files.readString(Path.of("target", "split-smf-e2e.log")))
                .contains("N1N2MessageTransfer (PDU session release) for imsi-00101" + QUOTA_MSIN + ": 200");
    }

    @Test
    void whenTheTransferComesWithoutTheRightToken_thenProblemJsonAndNothingHappens() throws Exception {
        String body = "{\"n2InfoContainer\":{\"n2InformationClass\":\"SM\",\"smInfo\":{\"pduSessionId\":1}},\"pduSessionId\":1,"
                + "\"nfId\":\"" + SMF_ID + "\"}";
        String uri = "http://127.0.0.1:" + corePort + "/namf-comm/v1/ue-contexts/imsi-001010000000681/n1-n2-messages";
        HttpResponse<String> none = post(uri, body, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(t -> assertThat(t).startsWith("Bearer"));
        // an N2 proxy's token for the AMF has scope namf-comm, but N1N2MessageTransfer is the SMF's: what the body's nfId
        // claims does not count
        HttpResponse<String> proxy = post(uri, body, "Bearer " + token(PROXY_ID, PROXY_SECRET, ConsumerType.N2_PROXY, "AMF", "namf-comm"));
        assertThat(proxy.statusCode()).isEqualTo(403);
        assertThat(proxy.body()).contains("ACCESS_TOKEN_DENIED");
        // the SMF's token for another NF (the UDM) is not for the AMF
        HttpResponse<String> udm = post(uri, body, "Bearer " + token(SMF_ID, SMF_SECRET, ConsumerType.SMF, "UDM", "nudm-sdm"));
        assertThat(udm.statusCode()).isEqualTo(401);
        assertThat(udm.body()).contains("invalid access token");
        String smfToken = "Bearer " + token(SMF_ID, SMF_SECRET, ConsumerType.SMF, "AMF", "namf-comm");
        HttpResponse<String> unknown = post("http://127.0.0.1:" + corePort + "/namf-comm/v1/ue-contexts/imsi-001019999999999/n1-n2-messages",
                body, smfToken);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(unknown.body()).contains("CONTEXT_NOT_FOUND");
        HttpResponse<String> bad = post(uri, "{\"pduSessionId\":1}", smfToken);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("MANDATORY_IE_MISSING");
    }

    private static String token(String instance, String secret, ConsumerType type, String target, String scope) throws Exception {
        String form = new AccessTokenReq(instance, type, target, null, scope).toForm().entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + corePort + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((enc(instance) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new tools.jackson.databind.json.JsonMapper().readTree(r.body()).get("access_token").asString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String uri, String json, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The data network sends the UE a UDP datagram from inside the UPF's namespace. */
    private static void sendFromDataNetwork(String ue, String text) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", "o5" + NS, "python3", "-c",
                "import socket; socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'" + text + "', ('" + ue + "', 9))")
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    private static String metrics() throws IOException, InterruptedException {
        return get("http://127.0.0.1:" + smfPort + "/actuator/prometheus");
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean ready(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
