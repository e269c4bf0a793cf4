package io.liquid5gc.evaluation.deploy;

import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.RunnerHttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A started deployment: its always-on processes, the function runner (in this JVM) and its warm units, the N2
 * address the gNB connects to. {@link #kill} ends one always-on process as a crash would (for fault injection);
 * {@link #close} stops everything, units first.
 */
public final class Deployment implements AutoCloseable {

    private static final Pattern UNIT = Pattern.compile("--liquid5gc\\.serve\\.function=([a-z0-9-]+)");
    private static final Pattern PORT = Pattern.compile("--server\\.port=(\\d+)");

    private final DeploymentKind kind;
    private final InetSocketAddress n2;
    private final List<ManagedProcess> processes;
    private final FunctionRunner runner;
    private final RunnerHttpServer gateway;
    private final Duration readyTimeout;

    Deployment(DeploymentKind kind, InetSocketAddress n2, List<ManagedProcess> processes, FunctionRunner runner, RunnerHttpServer gateway) {
        this(kind, n2, processes, runner, gateway, Duration.ofMinutes(5));
    }

    Deployment(DeploymentKind kind, InetSocketAddress n2, List<ManagedProcess> processes, FunctionRunner runner, RunnerHttpServer gateway,
               Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
        this.kind = kind;
        this.n2 = n2;
        this.processes = List.copyOf(processes);
        this.runner = runner;
        this.gateway = gateway;
    }

    public DeploymentKind kind() {
        return kind;
    }

    /** The N2 proxy's SCTP-over-UDP address. */
    public InetSocketAddress n2() {
        return n2;
    }

    /** The always-on processes, stores included, in start order. */
    public List<ManagedProcess> processes() {
        return processes;
    }

    public ManagedProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + " in " + kind.id() + ": " + processes));
    }

    /** The function runner, for deployments with functions. */
    public Optional<FunctionRunner> runner() {
        return Optional.ofNullable(runner);
    }

    /** The runner's gateway URL pattern ({@code http://127.0.0.1:<port>/{function}}), for deployments with functions. */
    public Optional<String> runnerUrlPattern() {
        return Optional.ofNullable(gateway).map(RunnerHttpServer::urlPattern);
    }

    /**
     * Every process now: the always-on ones that are alive, the warm units (children of this JVM serving one function,
     * named {@code unit:<function>}), and this JVM as the driver.
     */
    public List<RunningProcess> running() {
        List<RunningProcess> all = new ArrayList<>();
        for (ManagedProcess p : processes) {
            if (p.alive()) {
                all.add(new RunningProcess(p.name(), p.role(), p.pid(), p.url()));
            }
        }
        if (runner != null) {
            ProcessHandle.current().descendants().forEach(h -> {
                String args = String.join(" ", h.info().arguments().orElse(new String[0]));
                Matcher unit = UNIT.matcher(args);
                if (h.isAlive() && unit.find()) {
                    Matcher port = PORT.matcher(args);
                    all.add(new RunningProcess("unit:" + unit.group(1), ProcessRole.UNIT, h.pid(),
                            port.find() ? "http://127.0.0.1:" + port.group(1) : ""));
                }
            });
        }
        all.add(new RunningProcess("driver", ProcessRole.DRIVER, ProcessHandle.current().pid(), ""));
        return all;
    }

    /** Kills one always-on process at once (SIGKILL), as a crash would. */
    public void kill(String name) {
        process(name).kill();
    }

    /** Stops one always-on process (SIGTERM, then SIGKILL after 20 s). */
    public void stop(String name) {
        process(name).stop(Duration.ofSeconds(20));
    }

    /**
     * Starts an always-on process again with the same command and port (a supervisor after a crash; the process is
     * killed first if it still runs) and waits until it is ready: a store answering, an NF ready and registered in
     * the NRF, the core ready.
     */
    public void restart(String name) throws Exception {
        ManagedProcess p = process(name);
        if (p.alive()) {
            p.kill();
        }
        p.restart();
        switch (p.role()) {
            case STORE -> Stores.awaitReady(p, readyTimeout);
            case NF -> p.awaitReady(readyTimeout, List.of("readiness", "nrfRegistration"));
            default -> p.awaitReady(readyTimeout, List.of("readiness"));
        }
    }

    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (runner != null) {
            runner.close();
        }
        List<ManagedProcess> reverse = new ArrayList<>(processes);
        java.util.Collections.reverse(reverse);
        // NFs and the core first (in parallel: each may take seconds to shut down), the stores last
        reverse.stream().filter(p -> p.role() != ProcessRole.STORE).toList().parallelStream().forEach(p -> p.stop(Duration.ofSeconds(20)));
        reverse.stream().filter(p -> p.role() == ProcessRole.STORE).forEach(p -> p.stop(Duration.ofSeconds(10)));
    }

    @Override
    public String toString() {
        return kind.id() + " " + processes;
    }
}
