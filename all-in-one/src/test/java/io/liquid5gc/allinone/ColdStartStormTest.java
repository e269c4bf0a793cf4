package io.liquid5gc.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.allinone.StormReport.Cohort;
import io.liquid5gc.allinone.StormReport.UeOutcome;
import io.liquid5gc.ngap.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.proxy.n2.N2Server;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.FunctionStats;
import io.liquid5gc.runner.RunnerHttpServer;
import io.liquid5gc.runner.RunnerSettings;
import io.liquid5gc.runner.UnitCommand;
import io.liquid5gc.runner.UnitState;
import io.liquid5gc.sbi.NfType;
import io.liquid5gc.security.Hex;
import io.liquid5gc.store.redis.RedisServerProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The cold-start storm (the Serverless5GC paper's Table VII): every function of the AMF, AUSF, UDM, UDR, NSSF, PCF and
 * SMF (and the R17 NFs with {@code -Dliquid5gc.storm.r17=true}) is a unit process of its own behind the function
 * runner, which starts a unit on its first request and stops it after the idle time; the core (N2 proxy and NRF)
 * is always on in this JVM, state in a real Redis. With every unit stopped, a wave of UEs registers and opens a PDU
 * session at once (the cold cohort); then a second wave while the units are warm (the warm cohort); then, once every
 * unit has been stopped for idleness (scale to zero, observed), a third wave cold-starts them again. Every UE of every
 * wave must succeed. The table goes to {@code target/cold-start-storm.md} (and the test's output).
 *
 * <p>Sizes: {@code -Dliquid5gc.storm.ues=N} UEs per wave (default 10; at most 333, the default subscribers),
 * {@code -Dliquid5gc.storm.idle=60s} the runner's idle time, {@code -Dliquid5gc.storm.jvm-options="..."} the units'
 * JVM options, {@code -Dliquid5gc.storm.r17=true} the CHF, BSF, NWDAF and NSACF as units too (else switched off),
 * {@code -Dliquid5gc.storm.aot=true} the JDK AOT cache the image uses (a training run per module first, each function
 * called {@code -Dliquid5gc.storm.aot-requests=300} times).
 */
class ColdStartStormTest {

    private static final byte[] K = Hex.decode("465b5ce8b199b49faa5f0a2ee238a6bc");
    private static final byte[] OPC = Hex.decode("e8ed289deba952e4283b54e88e6183ca");
    private static final String CORE_ID = "00000000-0000-4000-8000-000000000200";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static final int UES = Integer.getInteger("liquid5gc.storm.ues", 10);
    static final Duration IDLE = Duration.parse("PT" + System.getProperty("liquid5gc.storm.idle", "60s").toUpperCase());
    static final boolean R17 = Boolean.getBoolean("liquid5gc.storm.r17");
    /** The JDK AOT cache as the image has it: a training run per module at extraction, {@code -XX:AOTCache} on every start. */
    static final boolean AOT = Boolean.getBoolean("liquid5gc.storm.aot");
    static final Path REPO = Path.of("").toAbsolutePath().getParent();
    /** The image's JVM options file and the chart's additions for faas replicas (nfDefaults.knative.javaOptions). */
    static final List<String> JVM_OPTIONS = Arrays.asList(System.getProperty("liquid5gc.storm.jvm-options",
            "@" + REPO.resolve("deploy/docker/jvm.options") + " -Xmx64m -Xmn4m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=2 -Dio.netty.allocator.type=unpooled -XX:TrimNativeHeapInterval=5000").trim().split("\\s+"));
    /** Requests per function of the AOT training run (the image's 300). */
    static final int AOT_REQUESTS = Integer.getInteger("liquid5gc.storm.aot-requests", 300);
    /** A wave, cold, on a busy 2-core machine: every unit of the chains starts while the UEs wait. */
    static final Duration WAVE_TIMEOUT = Duration.ofMinutes(5);
    /** A call waits for its callee's cold start, which may wait for its own callee's. */
    static final String CALL_TIMEOUT = "240s";

    /** No nssf-slice-select: the AMF serves the UEs' slice itself (liquid5gc.amf.nssf-query=when-needed). */
    static final List<String> REGISTRATION_CHAIN = List.of("amf-initial-registration", "ausf-authenticate",
            "udm-generate-auth-data", "udr-data-read", "udm-get-subscriber-data");
    static final List<String> SESSION_CHAIN = List.of("amf-pdu-session-relay", "smf-pdu-session-create", "pcf-policy-create",
            "smf-pdu-session-update");

    /** The runner's clock: the system's, plus the idle time the test skips. */
    static final SkippingClock RUNNER_CLOCK = new SkippingClock();
    static RedisServerProcess redis;
    static ConfigurableApplicationContext core;
    static FunctionRunner runner;
    static RunnerHttpServer gateway;
    static int ranUeNgapIds;

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @BeforeAll
    static void start() throws Exception {
        assertThat(UES).as("-Dliquid5gc.storm.ues: 1..333 (three waves of the 1,000 default subscribers)").isBetween(1, 333);
        Path work = Path.of("target", "cold-start-storm").toAbsolutePath();
        StormUnits.deleteTree(work.resolve("logs"));
        Files.createDirectories(work);
        List<StormUnits.Module> modules = StormUnits.modules(R17);
        List<NfType> faas = StormUnits.faasNfs(modules);
        List<NfType> off = R17 ? List.of() : List.of(NfType.CHF, NfType.BSF, NfType.NWDAF, NfType.NSACF);

        redis = RedisServerProcess.start();
        int corePort = freePort();
        int runnerPort = freePort();
        String pattern = "http://127.0.0.1:" + runnerPort + "/{function}";

        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        List<String> unitJvm = new ArrayList<>(JVM_OPTIONS);
        if (AOT) {
            unitJvm.add("-XX:AOTCache=app.aot");
        }
        StormUnits.Environment env = new StormUnits.Environment(java(), unitJvm, redis.url(), corePort, pattern, faas, off,
                CALL_TIMEOUT, Hex.encode(kek));
        List<UnitCommand> units = new ArrayList<>();
        for (StormUnits.Module m : modules) {
            Path app = StormUnits.extract(REPO, m, work.resolve("units"), java());
            if (AOT) {
                StormUnits.trainAotCache(app, java(), JVM_OPTIONS, AOT_REQUESTS);
            }
            units.addAll(StormUnits.commands(m, app, env));
        }

        List<String> props = new ArrayList<>(List.of("server.port=" + corePort, "server.address=127.0.0.1",
                "liquid5gc.store.type=redis", "liquid5gc.store.redis.url=" + redis.url(), "liquid5gc.registration.enabled=false",
                "liquid5gc.security.trust-loopback=false", "liquid5gc.security.nf-instance-id=" + CORE_ID,
                "liquid5gc.http.timeout=" + CALL_TIMEOUT, "liquid5gc.faas-url-pattern=" + pattern,
                // the default subscribers' K and OPc are written under the key the UDR units read them with
                "liquid5gc.udr.key-encryption.keys[0].id=" + StormUnits.KEK_ID, "liquid5gc.udr.key-encryption.keys[0].key=" + env.kek()));
        for (int i = 0; i < modules.size(); i++) {
            StormUnits.Module m = modules.get(i);
            props.add("liquid5gc.nrf.oauth2.clients[" + i + "].nf-instance-id=" + m.instanceId());
            props.add("liquid5gc.nrf.oauth2.clients[" + i + "].nf-types=" + m.nfs().stream().map(NfType::name).collect(Collectors.joining(",")));
            props.add("liquid5gc.nrf.oauth2.clients[" + i + "].secret={noop}" + m.secret());
        }
        faas.forEach(nf -> props.add("liquid5gc.nf." + nf.key() + ".placement=faas"));
        off.forEach(nf -> props.add("liquid5gc.nf." + nf.key() + ".enabled=false"));
        core = new SpringApplicationBuilder(AllInOneApplication.class).properties(props.toArray(String[]::new)).run();

        RunnerSettings settings = RunnerSettings.defaults().withPort(runnerPort).withIdle(IDLE)
                .withStartTimeout(Duration.ofMinutes(4)).withStopGrace(Duration.ofSeconds(20))
                .withForwardTimeout(Duration.ofMinutes(5)).withMaxQueue(4 * UES + 64).withLogDirectory(work.resolve("logs"));
        runner = FunctionRunner.start(settings, units, RUNNER_CLOCK);
        gateway = RunnerHttpServer.start(runner);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (runner != null) {
            runner.close();
        }
        if (core != null) {
            core.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void whenEveryUnitIsStoppedAndTheUesArriveAtOnce_thenAllSucceedAndTheColdAndWarmCohortsAreReported() throws Exception {
        List<Cohort> cohorts = new ArrayList<>();
        try (SimGnb gnb = new SimGnb("001", "01", 1, 0x31, List.of(new SNssai(1, 0x010203)))) {
            assertThat(gnb.connect(core.getBean(N2Server.class).udpAddress())).isInstanceOf(NgSetup.Response.class);
            assertThat(runner.liveProcesses()).as("every unit at zero before the storm").isZero();

            Cohort cold = wave(gnb, "cold (all units at zero)", 1);
            cohorts.add(cold);
            assertEverySucceeded(cold);
            Map<String, FunctionStats> afterCold = byFunction(cold.after());
            for (String f : concat(REGISTRATION_CHAIN, SESSION_CHAIN)) {
                assertThat(afterCold.get(f).coldStarts()).as("%s cold-started once (one process per function)", f).isEqualTo(1);
                assertThat(afterCold.get(f).startFailures()).as(f).isZero();
            }
            assertThat(afterCold.get("amf-initial-registration").waitedForColdStart()).as("the UEs' first requests were held").isPositive();

            Cohort warm = wave(gnb, "warm", UES + 1);
            cohorts.add(warm);
            assertEverySucceeded(warm);
            assertThat(warm.coldStartCount()).as("no unit was started for the warm cohort (else raise -Dliquid5gc.storm.idle)").isZero();
            assertThat(warm.heldRequests()).as("no request of the warm cohort was held").isZero();

            // scale to zero: every unit stopped after the idle time, every process ended. The runner's idle timer does
            // it; its clock skips the idle time instead of the test waiting it out (60 s of CI time)
            RUNNER_CLOCK.skip(IDLE);
            await(Duration.ofMinutes(3), () -> runner.liveProcesses() == 0
                    && runner.stats().stream().allMatch(s -> s.state() == UnitState.STOPPED));
            for (FunctionStats s : runner.stats()) {
                assertThat(s.stops()).as("%s stopped as often as it started", s.function()).isEqualTo(s.coldStarts());
            }

            Cohort again = wave(gnb, "cold again (after scale to zero)", 2 * UES + 1);
            cohorts.add(again);
            assertEverySucceeded(again);
            Map<String, FunctionStats> afterAgain = byFunction(again.after());
            for (String f : concat(REGISTRATION_CHAIN, SESSION_CHAIN)) {
                assertThat(afterAgain.get(f).coldStarts()).as("%s cold-started again", f).isEqualTo(2);
            }
        } finally {
            String machine = machine();
            String report = StormReport.markdown(cohorts, runner.stats(), machine);
            Files.writeString(Path.of("target", "cold-start-storm.md"), report);
            System.out.println(report);
            System.out.println(io.liquid5gc.runner.StatsReport.table(runner.stats()));
        }
        HttpResponse<String> stats = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/runner/stats"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stats.body()).contains("\"amf-initial-registration\":{\"state\":\"READY\",\"coldStarts\":2,");
    }

    /** {@link #UES} UEs (IMSI ...{@code first} onwards) register and open a PDU session, all at once. */
    private static Cohort wave(SimGnb gnb, String name, int first) throws Exception {
        List<FunctionStats> before = runner.stats();
        io.liquid5gc.nas.ie.SNssai slice = io.liquid5gc.nas.ie.SNssai.of(1, 0x010203);
        long started = System.nanoTime();
        List<CompletableFuture<UeOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < UES; i++) {
            SimUe ue = new SimUe(++ranUeNgapIds, "001", "01", String.format("%010d", first + i), K, OPC, List.of(slice));
            outcomes.add(ue.register(gnb).thenCompose(r -> {
                if (!r.registered()) {
                    return CompletableFuture.completedFuture(new UeOutcome(false, r.latency(), false, Duration.ZERO,
                            "registration rejected, cause " + r.rejectCause()));
                }
                return ue.establishSession(1, "internet", slice).thenApply(s -> new UeOutcome(true, r.latency(), s.established(),
                        s.latency(), s.established() ? null : "PDU session: " + s.failure()));
            }).exceptionally(e -> new UeOutcome(false, Duration.ZERO, false, Duration.ZERO, String.valueOf(e))));
        }
        List<UeOutcome> ues = new ArrayList<>();
        long deadline = System.nanoTime() + WAVE_TIMEOUT.toNanos();
        for (CompletableFuture<UeOutcome> f : outcomes) {
            try {
                ues.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                ues.add(new UeOutcome(false, Duration.ZERO, false, Duration.ZERO, "no outcome within " + WAVE_TIMEOUT));
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        settle();
        return new Cohort(name, ues, wall, before, runner.stats());
    }

    /**
     * Waits until the runner is quiet: no unit starting, no request in flight or held, and no new request for a
     * second. A UE's procedure can end before the requests it caused have (the gNB's PDU Session Resource Setup
     * Response reaches smf-pdu-session-update after the UE has its session), and those belong to its wave.
     */
    private static void settle() throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            List<FunctionStats> now = runner.stats();
            long requests = now.stream().mapToLong(FunctionStats::requests).sum();
            boolean quiet = now.stream().allMatch(s -> s.state() != UnitState.STARTING && s.inFlight() == 0 && s.waiting() == 0);
            if (quiet && requests == last) {
                return;
            }
            last = quiet ? requests : -1;
            Thread.sleep(1000);
        }
    }

    private static void assertEverySucceeded(Cohort c) {
        assertThat(c.ues()).as("%s: every UE registered and has its PDU session", c.name()).hasSize(UES)
                .allSatisfy(u -> assertThat(u.succeeded()).as(String.valueOf(u.failure())).isTrue());
    }

    private static Map<String, FunctionStats> byFunction(List<FunctionStats> stats) {
        return stats.stream().collect(Collectors.toMap(FunctionStats::function, s -> s));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String machine() {
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            load = "?";
        }
        return String.format("%d UEs per wave, idle %d s (the runner's clock skips it before the third wave), %d processors, load average (1/5/15 min, running/total) %s; units: %s%s",
                UES, IDLE.toSeconds(), Runtime.getRuntime().availableProcessors(), load, String.join(" ", JVM_OPTIONS),
                AOT ? " -XX:AOTCache=app.aot (trained per module)" : " (no AOT cache)");
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + io.liquid5gc.runner.StatsReport.table(runner.stats()));
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The system clock plus what was skipped: durations measured across no skip stay real. */
    static final class SkippingClock extends java.time.Clock {
        private final java.util.concurrent.atomic.AtomicReference<Duration> skipped = new java.util.concurrent.atomic.AtomicReference<>(Duration.ZERO);

        void skip(Duration d) {
            skipped.updateAndGet(s -> s.plus(d));
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("UTC only");
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.now().plus(skipped.get());
        }
    }
}
