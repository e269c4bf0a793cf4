package io.liquid5gc.ransim;

import io.liquid5gc.nas.ie.SNssai;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.security.Hex;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The RAN simulator and load generator command:
 * <pre>
 * java -jar ransim/target/ransim.jar register [--core 127.0.0.1:9899[,HOST:PORT...]] [--ues 100] [--concurrency 50] [--rate UES_PER_SECOND]
 *     [--imsi 001010000000001] [--k HEX] [--opc HEX] [--tac 1] [--sst 1] [--sd 010203] [--timeout 30] [--json]
 *     [--scenario register|session|idle|deregister|full] [--pdu-sessions 1] [--dnn internet]
 *     [--protection-scheme null|A|B] [--hn-key-id N] [--hn-public-key HEX]
 *     [--transport udp|kernel]   (kernel: --core host:38412 over the OS's SCTP)
 *     [--traffic ping --n3 ADDRESS --dn ADDRESS [--pings 10] [--ping-interval-ms 100]]   (user data through the UPF)
 * </pre>
 * {@code --core} (or {@code --amf}) may list several AMF endpoints of one core (proxies on the same store): the gNB
 * keeps one association to each (NG Setup on each), spreads its UEs over them and moves a UE to another when its
 * association is lost or its AMF sends AMF STATUS INDICATION (SCTP over UDP only).
 * registers {@code --ues} UEs with consecutive IMSIs from {@code --imsi}, at most {@code --concurrency} in flight (or
 * started at {@code --rate} per second), through one simulated gNB, then runs the rest of the scenario per UE:
 * {@code session} opens {@code --pdu-sessions} PDU sessions; {@code idle} also releases the UE to CM-IDLE and brings it
 * back with a service request; {@code deregister} registers, opens the sessions and de-registers; {@code full} does
 * all of it. It reports successes, failures by cause and latency quantiles of registrations and PDU sessions, as a
 * table or JSON, with progress on stderr.
 */
public final class RanSim {

    /** The published TS 33.501 C.4.3 (Profile A) and C.4.4 (Profile B) test home network public keys, as the all-in-one holds. */
    static final String TEST_KEY_PROFILE_A = "5a8d38864820197c3394b92613b20b91633cbd897119273bf8e4a6f4eec0a650";
    static final String TEST_KEY_PROFILE_B = "0272da71976234ce833a6907425867b82e074d44ef907dfb4b3e21c1c2256ebcd1";

    /** What each UE does after registering. */
    public enum Scenario {
        REGISTER, SESSION, IDLE, DEREGISTER, FULL;

        boolean sessions() {
            return this != REGISTER;
        }

        boolean idle() {
            return this == IDLE || this == FULL;
        }

        boolean deregister() {
            return this == DEREGISTER || this == FULL;
        }
    }

    /** The settings of a run. */
    public record Options(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency, double rate,
                          byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress, boolean kernelSctp,
                          Scenario scenario, int pduSessions, String dnn, SimUe.SuciProtection suci, Traffic traffic,
                          List<InetSocketAddress> moreCores) {

        public Options {
            moreCores = moreCores == null ? List.of() : List.copyOf(moreCores);
            if (kernelSctp && !moreCores.isEmpty()) {
                throw new IllegalArgumentException("several AMF endpoints (--core A,B) need SCTP over UDP (--transport udp)");
            }
        }

        public Options(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency, double rate,
                       byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress, boolean kernelSctp,
                       Scenario scenario, int pduSessions, String dnn, SimUe.SuciProtection suci, Traffic traffic) {
            this(core, mcc, mnc, msinStart, ues, concurrency, rate, k, opc, tac, slice, timeout, progress, kernelSctp, scenario,
                    pduSessions, dnn, suci, traffic, List.of());
        }

        public Options(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency, double rate,
                       byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress, boolean kernelSctp,
                       Scenario scenario, int pduSessions, String dnn, SimUe.SuciProtection suci) {
            this(core, mcc, mnc, msinStart, ues, concurrency, rate, k, opc, tac, slice, timeout, progress, kernelSctp, scenario,
                    pduSessions, dnn, suci, null);
        }
    }

    /**
     * {@code --traffic ping}: after its PDU sessions each UE sends {@code count} ICMP echo requests, {@code interval}
     * apart, from its first session's address to {@code destination} through the UPF; the gNB's N3 side binds
     * {@code n3} (port 2152), an address the UPF can reach.
     */
    public record Traffic(InetSocketAddress n3, java.net.Inet4Address destination, int count, Duration interval) {
    }

    /** The UEs' pings block on their intervals: one virtual thread each. */
    private static final java.util.concurrent.ExecutorService PINGERS = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private RanSim() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("register")) {
            System.err.println("usage: ransim register [--core host:port[,host:port...]] [--ues N] [--concurrency N] [--rate N] [--imsi IMSI] [--k HEX] [--opc HEX]"
                    + " [--tac N] [--sst N] [--sd HEX|none] [--timeout SECONDS] [--json] [--transport udp|kernel]"
                    + " [--scenario register|session|idle|deregister|full] [--pdu-sessions N] [--dnn DNN]"
                    + " [--protection-scheme null|A|B] [--hn-key-id N] [--hn-public-key HEX]"
                    + " [--traffic ping --n3 ADDRESS --dn ADDRESS [--pings N] [--ping-interval-ms MS]]");
            System.exit(2);
        }
        if (relaunchLean(args)) {
            return;
        }
        Map<String, String> o = options(args);
        List<InetSocketAddress> cores = endpoints(o.getOrDefault("core", o.getOrDefault("amf", "127.0.0.1:9899")));
        String imsi = o.getOrDefault("imsi", "001010000000001");
        String mcc = imsi.substring(0, 3);
        String mnc = o.getOrDefault("mnc-digits", "2").equals("3") ? imsi.substring(3, 6) : imsi.substring(3, 5);
        int sst = Integer.parseInt(o.getOrDefault("sst", "1"));
        Integer sd = o.containsKey("sd") && o.get("sd").equals("none") ? null : Integer.parseInt(o.getOrDefault("sd", "010203"), 16);
        boolean json = o.containsKey("json");
        String scheme = o.getOrDefault("protection-scheme", "null").toUpperCase(Locale.ROOT);
        SimUe.SuciProtection suci = switch (scheme) {
            case "NULL", "0" -> SimUe.SuciProtection.NULL_SCHEME;
            case "A", "1" -> new SimUe.SuciProtection(io.liquid5gc.security.suci.SuciScheme.PROFILE_A,
                    Integer.parseInt(o.getOrDefault("hn-key-id", "1")), Hex.decode(o.getOrDefault("hn-public-key", TEST_KEY_PROFILE_A)));
            case "B", "2" -> new SimUe.SuciProtection(io.liquid5gc.security.suci.SuciScheme.PROFILE_B,
                    Integer.parseInt(o.getOrDefault("hn-key-id", "2")), Hex.decode(o.getOrDefault("hn-public-key", TEST_KEY_PROFILE_B)));
            default -> throw new IllegalArgumentException("--protection-scheme is null, A or B: " + scheme);
        };
        Options options = new Options(cores.getFirst(), mcc, mnc, imsi.substring(3 + mnc.length()),
                Integer.parseInt(o.getOrDefault("ues", "100")), Integer.parseInt(o.getOrDefault("concurrency", "50")),
                Double.parseDouble(o.getOrDefault("rate", "0")), Hex.decode(o.getOrDefault("k", "465b5ce8b199b49faa5f0a2ee238a6bc")),
                Hex.decode(o.getOrDefault("opc", "e8ed289deba952e4283b54e88e6183ca")), Integer.parseInt(o.getOrDefault("tac", "1")),
                sd == null ? SNssai.of(sst) : SNssai.of(sst, sd), Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout", "30"))), true,
                o.getOrDefault("transport", "udp").equals("kernel"), Scenario.valueOf(o.getOrDefault("scenario", "register").toUpperCase(Locale.ROOT)),
                Integer.parseInt(o.getOrDefault("pdu-sessions", "1")), o.getOrDefault("dnn", "internet"), suci, traffic(o),
                cores.subList(1, cores.size()));
        LoadReport report = run(options);
        System.out.println(json ? report.json() : report.table());
        System.exit(report.failures() == 0 ? 0 : 1);
    }

    /** {@code host:port[,host:port...]}: the AMF endpoints (proxies) of the core. */
    static List<InetSocketAddress> endpoints(String list) {
        List<InetSocketAddress> out = new ArrayList<>();
        for (String e : list.split(",")) {
            int colon = e.strip().lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--core: host:port expected, got '" + e.strip() + "'");
            }
            out.add(new InetSocketAddress(e.strip().substring(0, colon), Integer.parseInt(e.strip().substring(colon + 1))));
        }
        return out;
    }

    private static Traffic traffic(Map<String, String> o) throws java.net.UnknownHostException {
        String kind = o.getOrDefault("traffic", "none");
        if (kind.equals("none")) {
            return null;
        }
        if (!kind.equals("ping") || !o.containsKey("n3") || !o.containsKey("dn")) {
            throw new IllegalArgumentException("--traffic ping needs --n3 ADDRESS (the gNB's N3, reachable by the UPF) and --dn ADDRESS (to ping)");
        }
        return new Traffic(new InetSocketAddress(java.net.InetAddress.getByName(o.get("n3")), 2152),
                (java.net.Inet4Address) java.net.InetAddress.getByName(o.get("dn")), Integer.parseInt(o.getOrDefault("pings", "10")),
                Duration.ofMillis(Long.parseLong(o.getOrDefault("ping-interval-ms", "100"))));
    }

    /**
     * The JVM flags the command runs under unless {@code -Dransim.lean-jvm=false}: C1 only and the serial GC. A run is
     * over in a second or two on the same (2) cores as the core under test, and a fresh JVM's C2 compilations and G1
     * threads took ~0.6 CPU-s of that per 1,000 UEs (2026-11, all-in-one warm, 50 in flight: 1,000 -> 1,500
     * registrations/s, 1 in flight: 390 -> 505/s); C1 code is fast enough for the simulator's work.
     */
    static final List<String> LEAN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Runs this command again in a child JVM with {@link #LEAN_JVM} (once); returns false where it cannot or should not. */
    private static boolean relaunchLean(String[] args) throws Exception {
        if (!Boolean.parseBoolean(System.getProperty("ransim.lean-jvm", "true"))) {
            return false;
        }
        List<String> jvmArgs = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        String java = ProcessHandle.current().info().command().orElse(null);
        String classPath = System.getProperty("java.class.path", "");
        if (java == null || classPath.isEmpty() || jvmArgs.containsAll(LEAN_JVM)) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LEAN_JVM);
        command.addAll(jvmArgs);
        command.addAll(List.of("-Dransim.lean-jvm=false", "-cp", classPath, RanSim.class.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        System.exit(child.waitFor());
        return true;
    }

    /** Registers {@code ues} UEs and returns the report; progress lines go to stderr when asked. */
    public static LoadReport run(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency,
                                 byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress) throws Exception {
        return run(core, mcc, mnc, msinStart, ues, concurrency, k, opc, tac, slice, timeout, progress, false);
    }

    /** As above; {@code kernelSctp} connects with the OS's SCTP (core = host:38412) instead of SCTP over UDP. */
    public static LoadReport run(InetSocketAddress core, String mcc, String mnc, String msinStart, int ues, int concurrency,
                                 byte[] k, byte[] opc, int tac, SNssai slice, Duration timeout, boolean progress,
                                 boolean kernelSctp) throws Exception {
        return run(new Options(core, mcc, mnc, msinStart, ues, concurrency, 0, k, opc, tac, slice, timeout, progress, kernelSctp,
                Scenario.REGISTER, 0, "internet", SimUe.SuciProtection.NULL_SCHEME));
    }

    /** Runs the scenario for every UE and returns the report. */
    public static LoadReport run(Options o) throws Exception {
        LoadReport report = new LoadReport();
        io.liquid5gc.ngap.ie.SNssai ngapSlice = new io.liquid5gc.ngap.ie.SNssai(o.slice().sst(),
                o.slice().sd() == null ? io.liquid5gc.ngap.ie.SNssai.NO_SD : o.slice().sd());
        try (SimGnb gnb = new SimGnb(o.mcc(), o.mnc(), o.tac(), 0x1, List.of(ngapSlice));
             GnbUserPlane n3 = o.traffic() == null ? null : GnbUserPlane.bind(o.traffic().n3())) {
            if (n3 != null) {
                gnb.attachUserPlane(n3);
            }
            List<InetSocketAddress> cores = new ArrayList<>(List.of(o.core()));
            cores.addAll(o.moreCores());
            List<NgapMessage> setups = o.kernelSctp() ? List.of(gnb.connectKernel(o.core())) : gnb.connect(cores, null);
            for (int i = 0; i < setups.size(); i++) {
                NgapMessage setup = setups.get(i);
                if (setups.size() == 1 && !(setup instanceof NgSetup.Response)) {
                    throw new IllegalStateException("NG Setup refused: " + setup);
                }
                if (!(setup instanceof NgSetup.Response)) {
                    System.err.println("AMF endpoint " + cores.get(i) + " not set up (" + (setup == null ? "not reachable" : setup)
                            + "); the UEs use the others");
                }
            }
            Semaphore inFlight = new Semaphore(o.concurrency());
            List<CompletableFuture<Void>> all = new ArrayList<>();
            long start = System.nanoTime();
            long lastProgress = start;
            int width = o.msinStart().length();
            long first = Long.parseLong(o.msinStart());
            for (int i = 0; i < o.ues(); i++) {
                if (o.rate() > 0) {
                    long due = start + (long) (i * 1e9 / o.rate());
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                inFlight.acquire();
                String msin = String.format(Locale.ROOT, "%0" + width + "d", first + i);
                SimUe ue = new SimUe(i + 1, o.mcc(), o.mnc(), msin, new io.liquid5gc.security.aka.Usim(o.k(), o.opc(),
                        new io.liquid5gc.security.milenage.UsimSqnState()), List.of(o.slice()), o.suci());
                all.add(scenario(ue, gnb, o, report).orTimeout(o.timeout().toMillis() * 4, TimeUnit.MILLISECONDS).handle((v, e) -> {
                    inFlight.release();
                    if (e != null) {
                        report.stepFailure("timeout");
                    }
                    return null;
                }));
                long now = System.nanoTime();
                if (o.progress() && now - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                    lastProgress = now;
                    System.err.printf(Locale.ROOT, "%d/%d started, %d registered, %d failures%n", i + 1, o.ues(), report.successes(), report.failures());
                }
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            report.wall(Duration.ofNanos(System.nanoTime() - start));
            if (cores.size() > 1 && o.progress()) {
                System.err.printf(Locale.ROOT, "AMF endpoints %s available %s; %d UE(s) moved to another association%n", cores, gnb.available(),
                        gnb.uesMoved());
            }
        }
        return report;
    }

    /** One UE's scenario; every outcome lands in the report. */
    private static CompletableFuture<Void> scenario(SimUe ue, SimGnb gnb, Options o, LoadReport report) {
        long timeout = o.timeout().toMillis();
        return ue.register(gnb).orTimeout(timeout, TimeUnit.MILLISECONDS).handle((r, e) -> {
            if (e != null) {
                report.failure(e instanceof TimeoutException || e.getCause() instanceof TimeoutException ? "timeout" : "error");
                return false;
            }
            if (!r.registered()) {
                report.failure(r.rejectCause() > 0 ? "5gmm-cause-" + r.rejectCause() : "released");
                return false;
            }
            report.success(r.latency());
            return true;
        }).thenCompose(registered -> {
            if (!registered || !o.scenario().sessions()) {
                return CompletableFuture.completedFuture(registered);
            }
            CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
            for (int psi = 1; psi <= o.pduSessions(); psi++) {
                int id = psi;
                chain = chain.thenCompose(ok -> ue.establishSession(id, o.dnn(), o.slice()).orTimeout(timeout, TimeUnit.MILLISECONDS).handle((s, e) -> {
                    if (e != null) {
                        report.sessionFailure("timeout");
                        return false;
                    }
                    if (!s.established()) {
                        report.sessionFailure(s.failure());
                        return false;
                    }
                    report.sessionSuccess(s.latency());
                    return ok;
                }));
            }
            return chain;
        }).thenCompose(ok -> {
            if (!ok || o.traffic() == null || !o.scenario().sessions()) {
                return CompletableFuture.completedFuture(ok);
            }
            Traffic t = o.traffic();
            return CompletableFuture.supplyAsync(() -> {
                try {
                    UserPlanePing.Result r = UserPlanePing.ping(gnb, ue, 1, t.destination(), t.count(), t.interval(), o.timeout());
                    report.pings(r);
                    return true;
                } catch (Exception e) {
                    report.stepFailure("ping: " + e.getMessage());
                    return false;
                }
            }, PINGERS);
        }).thenCompose(ok -> {
            if (!ok || !o.scenario().idle()) {
                return CompletableFuture.completedFuture(ok);
            }
            return gnb.releaseToIdle(ue).thenCompose(released -> ue.serviceRequest(gnb)).orTimeout(timeout, TimeUnit.MILLISECONDS)
                    .handle((reactivated, e) -> step(report, e, "idle-and-service-request"));
        }).thenCompose(ok -> {
            if (!ok || !o.scenario().deregister()) {
                return CompletableFuture.completedFuture(ok);
            }
            return ue.deregister(false).orTimeout(timeout, TimeUnit.MILLISECONDS).handle((accepted, e) ->
                    step(report, e != null ? e : accepted ? null : new IllegalStateException("no accept"), "deregistration"));
        }).thenApply(ok -> null);
    }

    private static boolean step(LoadReport report, Throwable e, String step) {
        if (e != null) {
            report.stepFailure(step);
            return false;
        }
        report.stepSuccess();
        return true;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("json")) {
                o.put(key, "true");
            } else if (i + 1 < args.length) {
                o.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return o;
    }
}
