package io.liquid5gc.evaluation.deploy;

import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.RunnerHttpServer;
import io.liquid5gc.runner.RunnerSettings;
import io.liquid5gc.runner.UnitCommand;
import io.liquid5gc.sbi.NfType;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts a {@link DeploymentKind} on this machine, every process a JVM of its own from the module's exec jar
 * (extracted as the image does), and returns the running {@link Deployment}:
 * <ul>
 *   <li>in-process: the all-in-one alone (in-process stores, local placement);</li>
 *   <li>multi-process: Redis and etcd; the core (the all-in-one jar hosting the NRF, which issues the SBI tokens, and
 *       the N2 proxy; every other NF placed {@code http} or {@code faas}); each always-on NF module its own process,
 *       registered in the NRF and found there; the function NFs' functions as units behind the function runner (this
 *       JVM), each unit a process serving one function, started on its first request and stopped after the idle time.</li>
 * </ul>
 * SBI security is on (TS 33.501 13.4.1): every module has its own instance id and client secret, which the core's NRF
 * knows; secrets and the UDR's key-encryption key go to the processes in their environment, never on a command line.
 */
public final class DeploymentLauncher {

    private static final String CORE_ID = "00000000-0000-4000-8000-000000000300";
    private static final String KEK_ID = "evaluation-kek";
    /** The NFs every process may place; the NRF is always the core's. */
    private static final List<NfType> PLACEABLE = DeploymentKind.NfGroups.ALL_BUT_NRF;

    private final LaunchSettings settings;
    private final Consumer<String> progress;
    private final boolean redisAppendOnly;
    private final UserPlane userPlane;

    public DeploymentLauncher(LaunchSettings settings, Consumer<String> progress) {
        this(settings, progress, false, null);
    }

    private DeploymentLauncher(LaunchSettings settings, Consumer<String> progress, boolean redisAppendOnly, UserPlane userPlane) {
        this.settings = settings;
        this.progress = progress;
        this.redisAppendOnly = redisAppendOnly;
        this.userPlane = userPlane;
    }

    /** Redis with its append-only file on ({@code appendfsync everysec}, as the chart's bundled Redis): state survives a restart. */
    public DeploymentLauncher withRedisAppendOnly() {
        return new DeploymentLauncher(settings, progress, true, userPlane);
    }

    /**
     * The SMF (its process in a multi-process deployment) on N4 to this real UPF, which the caller started and stops;
     * without one the SMF runs without N4 ({@code liquid5gc.smf.n4.enabled=false}).
     */
    public DeploymentLauncher withUserPlane(UserPlane upf) {
        return new DeploymentLauncher(settings, progress, redisAppendOnly, upf);
    }

    /** Starts the deployment and waits until every always-on process is ready (a failure stops what was started). */
    public Deployment start(DeploymentKind kind) throws Exception {
        Path work = settings.work().resolve(kind.id());
        Files.createDirectories(work.resolve("logs"));
        List<ManagedProcess> started = new ArrayList<>();
        FunctionRunner runner = null;
        RunnerHttpServer gateway = null;
        try {
            String kek = HexFormat.of().formatHex(randomBytes(32));
            int n2Port = Ports.udp();
            int corePort = Ports.tcp();
            List<String> coreArgs = new ArrayList<>(List.of("--server.port=" + corePort, "--server.address=127.0.0.1",
                    "--liquid5gc.proxy.sctp.udp-port=" + n2Port, "--liquid5gc.proxy.sctp.udp-bind-address=127.0.0.1",
                    "--liquid5gc.store.memory.journal=none"));
            Map<String, String> coreEnv = new LinkedHashMap<>(kekEnv(kek));
            if (kind == DeploymentKind.IN_PROCESS) {
                ManagedProcess core = launch(kind, work, "core", ProcessRole.CORE, "all-in-one", coreJvm(), coreArgs, coreEnv, corePort);
                started.add(core);
                core.awaitReady(settings.readyTimeout(), List.of("readiness"));
                return new Deployment(kind, new InetSocketAddress("127.0.0.1", n2Port), started, null, null);
            }
            List<NfModule> modules = NfModule.all(300);
            ManagedProcess redis = Stores.redis(work, redisAppendOnly);
            started.add(redis);
            ManagedProcess etcd = Stores.etcd(work);
            started.add(etcd);
            String redisUrl = "redis://127.0.0.1:" + redis.port();
            String etcdEndpoint = "http://127.0.0.1:" + etcd.port();
            // state in Redis for every process; the registry (etcd) is the NRF's, in the core only (the NF jars have no store-etcd)
            List<String> shared = List.of("--liquid5gc.store.type=redis", "--liquid5gc.store.redis.url=" + redisUrl,
                    "--liquid5gc.http.timeout=" + settings.callTimeout().toSeconds() + "s");
            String pattern = null;
            if (kind.hasFunctions()) {
                int runnerPort = Ports.tcp();
                pattern = "http://127.0.0.1:" + runnerPort + "/{function}";
                List<UnitCommand> units = new ArrayList<>();
                for (NfModule m : modules) {
                    if (m.within(kind.functionNfs())) {
                        Path app = ModuleJars.extract(settings.repository(), m.name(), settings.work().resolve("jars"), settings.java());
                        units.addAll(UnitCommands.of(m, app, kind, new UnitCommands.Environment(settings.java(), settings.unitJvm(),
                                redisUrl, corePort, pattern, settings.callTimeout(), kek)));
                    }
                }
                RunnerSettings rs = RunnerSettings.defaults().withPort(runnerPort).withIdle(settings.unitIdle())
                        .withStartTimeout(settings.readyTimeout()).withStopGrace(Duration.ofSeconds(20))
                        .withForwardTimeout(settings.callTimeout().plusMinutes(1)).withMaxQueue(4096)
                        .withLogDirectory(work.resolve("logs").resolve("units"));
                runner = FunctionRunner.start(rs, units);
                gateway = RunnerHttpServer.start(runner);
                progress.accept(kind.id() + ": function runner on " + gateway.urlPattern() + ", " + units.size() + " units (all at zero)");
            }
            coreArgs.addAll(shared);
            coreArgs.addAll(List.of("--liquid5gc.registry.type=etcd", "--liquid5gc.registry.etcd.endpoints=" + etcdEndpoint));
            coreArgs.addAll(List.of("--liquid5gc.registration.enabled=false", "--liquid5gc.security.trust-loopback=false",
                    "--liquid5gc.security.nf-instance-id=" + CORE_ID));
            for (int i = 0; i < modules.size(); i++) {
                NfModule m = modules.get(i);
                // the whole list from one property source (Boot does not merge a list across sources)
                coreEnv.put("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFINSTANCEID", m.instanceId());
                coreEnv.put("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_NFTYPES", String.join(",", m.nfs().stream().map(NfType::name).toList()));
                coreEnv.put("LIQUID5GC_NRF_OAUTH2_CLIENTS_" + i + "_SECRET", "{noop}" + m.secret());
            }
            coreArgs.addAll(placements(kind, List.of(), pattern));
            ManagedProcess core = launch(kind, work, "core", ProcessRole.CORE, "all-in-one", coreJvm(), coreArgs, coreEnv, corePort);
            started.add(core);
            List<ManagedProcess> nfs = new ArrayList<>();
            for (NfModule m : modules) {
                if (!m.within(kind.alwaysOnNfs())) {
                    continue;
                }
                int port = Ports.tcp();
                List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
                        "--liquid5gc.nf.nrf.placement=http", "--liquid5gc.nf.nrf.url=http://127.0.0.1:" + corePort,
                        "--liquid5gc.registration.advertised-url=http://127.0.0.1:" + port,
                        "--liquid5gc.store.memory.journal=none", "--liquid5gc.security.nf-instance-id=" + m.instanceId()));
                args.addAll(shared);
                args.addAll(placements(kind, m.nfs(), pattern));
                if (userPlane != null && m.nfs().contains(NfType.SMF)) {
                    args.addAll(userPlane.smfArguments());
                }
                Map<String, String> env = new LinkedHashMap<>();
                env.put("LIQUID5GC_SECURITY_CLIENTSECRET", m.secret());
                if (m.nfs().contains(NfType.UDR)) {
                    env.putAll(kekEnv(kek));
                }
                if (m.nfs().contains(NfType.SMF)) {
                    // N2 is the core's: paging and network releases go there as N1N2MessageTransfer (TS 29.518)
                    args.add("--liquid5gc.smf.amf.n1n2-url=http://127.0.0.1:" + corePort);
                }
                ManagedProcess p = launch(kind, work, m.name(), ProcessRole.NF, m.name(), settings.alwaysOnJvm(), args, env, port);
                started.add(p);
                nfs.add(p);
            }
            core.awaitReady(settings.readyTimeout(), List.of("readiness"));
            for (ManagedProcess p : nfs) {
                p.awaitReady(settings.readyTimeout(), List.of("readiness", "nrfRegistration"));
            }
            for (ManagedProcess p : started) {
                if (!p.alive()) {
                    throw new IllegalStateException(p.name() + " exited after it was ready; see " + p.log());
                }
            }
            return new Deployment(kind, new InetSocketAddress("127.0.0.1", n2Port), started, runner, gateway, settings.readyTimeout());
        } catch (Exception | Error e) {
            new Deployment(kind, null, started, runner, gateway).close();
            throw e;
        }
    }

    /** {@code placement} of every NF a process does not host: http for the always-on NFs, faas for the functions. */
    private static List<String> placements(DeploymentKind kind, List<NfType> hosted, String pattern) {
        List<String> args = new ArrayList<>();
        for (NfType nf : PLACEABLE) {
            if (hosted.contains(nf)) {
                continue;
            }
            args.add("--liquid5gc.nf." + nf.key() + ".placement=" + (kind.functionNfs().contains(nf) ? "faas" : "http"));
        }
        if (pattern != null) {
            args.add("--liquid5gc.faas-url-pattern=" + pattern);
        }
        return args;
    }

    private List<String> coreJvm() {
        List<String> jvm = new ArrayList<>(settings.alwaysOnJvm());
        jvm.add("-Xmx512m"); // the all-in-one holds every NF and, in-process, every UE's state
        return jvm;
    }

    private ManagedProcess launch(DeploymentKind kind, Path work, String name, ProcessRole role, String module, List<String> jvm,
                                  List<String> args, Map<String, String> env, int port) throws Exception {
        Path app = ModuleJars.extract(settings.repository(), module, settings.work().resolve("jars"), settings.java());
        Path dir = work.resolve("run").resolve(name);
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>();
        cmd.add(settings.java());
        cmd.addAll(jvm);
        cmd.addAll(List.of("-jar", app.resolve("app.jar").toString()));
        cmd.addAll(args);
        Path log = work.resolve("logs").resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        progress.accept(kind.id() + ": started " + name + " (pid " + p.pid() + (port > 0 ? ", port " + port : "") + ")");
        return new ManagedProcess(name, role, p, port, log, pb);
    }

    private static Map<String, String> kekEnv(String kek) {
        return Map.of("LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_ID", KEK_ID, "LIQUID5GC_UDR_KEYENCRYPTION_KEYS_0_KEY", kek);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
