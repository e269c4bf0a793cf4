package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.AmfStatusIndication;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.security.Hex;
import io.liquid5gc.store.redis.RedisServerProcess;
import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two proxies as their own processes on one real Redis (issue 17 item 4): the NFs in one all-in-one JVM (the core, whose
 * own embedded proxy the gNB does not use), two {@code ProxyApplication} JVMs calling its AMF functions over HTTP, a gNB
 * with an association to each proxy. Proxy 2 is killed with SIGKILL (kill -9: no AMF STATUS INDICATION, no SCTP ABORT,
 * the gNB notices by its heart-beats) and its UEs carry on through proxy 1; proxy 2 is started again and the gNB adds
 * an association to it; then proxy 1 gets a planned stop (SIGTERM: AMF STATUS INDICATION, grace, close) and its UEs
 * move to proxy 2 without any procedure failing. Prints the fault table. {@code -Dliquid5gc.failover.ues=N} (default
 * 16, at most 1,000: the default subscribers) for a bigger run. SBI security is off between these processes (this test
 * is about N2; HttpPlacementEndToEndTest has the tokens).
 */
class ProxyKillFailoverTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final List<SNssai> SLICE = List.of(new SNssai(1, 0x010203));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** One key-encryption key for both processes' UDRs (they share the subscribers in Redis). */
    private static final String KEK = Hex.encode(new SecureRandom().generateSeed(32));

    private static RedisServerProcess redis;
    private static final List<Process> processes = new ArrayList<>();

    private record Proxy(Process process, int httpPort, InetSocketAddress n2, String name) {
    }

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void whenAProxyIsKilledAndTheOtherLaterRestartedAsPlanned_thenNoUeIsLost() throws Exception {
        int n2Port1 = freeUdpPort();
        int n2Port2 = freeUdpPort();
        Proxy core = launchCore();
        Proxy one = launchProxy("liquid5gc-amf-1", "liquid5gc-amf-2", n2Port1, core.httpPort());
        Proxy two = launchProxy("liquid5gc-amf-2", "liquid5gc-amf-1", n2Port2, core.httpPort());
        awaitReady(core);
        awaitReady(one);
        awaitReady(two);
        List<FailoverRun.Result> table = new ArrayList<>();
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x61, SLICE)) {
            assertThat(gnb.connect(List.of(one.n2(), two.n2()), null)).allSatisfy(a -> assertThat(a).isInstanceOf(NgSetup.Response.class));
            FailoverRun run = new FailoverRun(gnb, Duration.ofSeconds(10));
            run.prepare(1, Integer.getInteger("liquid5gc.failover.ues", 16), K, OPC);
            assertThat(run.onAssociation(1)).as("UEs connected through proxy 2").isPositive();

            FailoverRun.Result killed = run.run("kill -9 proxy 2", 1, 2, () -> two.process().destroyForcibly()); // SIGKILL
            table.add(killed);
            assertThat(two.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.lost()).as("UEs lost after kill -9; table:%n%s%s", table(table), killed.why()).isZero();
            assertThat(killed.failedDuringFault()).isEqualTo(killed.retriedOk());
            assertThat(gnb.available()).containsExactly(true, false);

            // proxy 2 again (same N2 port), a new association to it; then a planned restart of proxy 1
            Proxy twoAgain = launchProxy("liquid5gc-amf-2", "liquid5gc-amf-1", n2Port2, core.httpPort());
            awaitReady(twoAgain);
            assertThat(gnb.connectAnother(twoAgain.n2())).isInstanceOf(NgSetup.Response.class);
            FailoverRun.Result planned = run.run("planned stop of proxy 1 (SIGTERM)", 0, 4, () -> one.process().destroy()); // SIGTERM
            table.add(planned);
            assertThat(one.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            System.out.println(table(table));
            assertThat(gnb.amfIndications()).anySatisfy(m -> assertThat(m).isInstanceOf(AmfStatusIndication.class));
            assertThat(planned.lost()).as("UEs lost in a planned stop: %s", planned.why()).isZero();
            assertThat(planned.failedDuringFault()).as("procedures failed by a planned stop").isZero();
        }
    }

    private static String table(List<FailoverRun.Result> rows) {
        StringBuilder b = new StringBuilder(FailoverRun.Result.header()).append('\n');
        rows.forEach(r -> b.append(r.row()).append('\n'));
        return b.toString();
    }

    /** The NFs: an all-in-one JVM on the shared Redis, from this test's class path (its own N2 endpoint goes unused). */
    private static Proxy launchCore() throws IOException {
        int httpPort = freeTcpPort();
        return start("core", new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"), "io.liquid5gc.allinone.AllInOneApplication",
                "--server.port=" + httpPort, "--server.address=127.0.0.1", "--liquid5gc.proxy.sctp.udp-port=0",
                "--liquid5gc.udr.key-encryption.keys[0].id=failover-test", "--liquid5gc.udr.key-encryption.keys[0].key=" + KEK)), httpPort, null);
    }

    /** A proxy alone (ngap-proxy's ProxyApplication, no NF module on its class path) calling the core's AMF over HTTP. */
    private static Proxy launchProxy(String amfName, String backupAmfName, int n2Port, int corePort) throws IOException {
        int httpPort = freeTcpPort();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !NOT_IN_PROXY.matcher(e).matches()).collect(Collectors.joining(File.pathSeparator));
        return start(amfName, new ArrayList<>(List.of("-cp", classPath, "io.liquid5gc.proxy.ProxyApplication",
                "--server.port=" + httpPort, "--server.address=127.0.0.1",
                "--liquid5gc.nf.amf.placement=http", "--liquid5gc.nf.amf.url=http://127.0.0.1:" + corePort, "--liquid5gc.http.timeout=30s",
                "--liquid5gc.proxy.amf-name=" + amfName, "--liquid5gc.proxy.shutdown.backup-amf-name=" + backupAmfName,
                "--liquid5gc.proxy.shutdown.grace=3s",
                "--liquid5gc.proxy.sctp.udp-port=" + n2Port, "--liquid5gc.proxy.sctp.udp-bind-address=127.0.0.1")), httpPort,
                new InetSocketAddress("127.0.0.1", n2Port));
    }

    /** What a proxy process does not carry: the NF modules, the all-in-one, the console, the simulator. */
    private static final Pattern NOT_IN_PROXY = Pattern.compile(".*[/\\\\](nf-[a-z0-9]+|all-in-one|operator-console|ransim)([/\\\\-].*)?");

    private static Proxy start(String name, List<String> args, int httpPort, InetSocketAddress n2) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        cmd.addAll(args);
        cmd.addAll(List.of("--liquid5gc.store.type=redis", "--liquid5gc.store.redis.url=" + redis.url(), "--liquid5gc.store.memory.journal=none",
                "--liquid5gc.security.enabled=false", "--liquid5gc.proxy.sctp.kernel=off", "--liquid5gc.proxy.overload.enabled=false"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", name + "-failover.log").toFile())).start();
        processes.add(p);
        return new Proxy(p, httpPort, n2, name);
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitReady(Proxy proxy) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (Instant.now().isBefore(deadline)) {
            if (!proxy.process().isAlive()) {
                throw new IllegalStateException(proxy.name() + " exited with " + proxy.process().exitValue() + "; see target/" + proxy.name()
                        + "-failover.log");
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.httpPort() + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(proxy.name() + " not ready; see target/" + proxy.name() + "-failover.log");
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static {
        new File("target").mkdirs();
    }
}
