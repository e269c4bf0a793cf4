package io.liquid5gc.evaluation.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The deployment's real UPF (issue 17: the UPF restart of the fault suite): Open5GS's {@code open5gs-upfd} run by
 * {@code upf.sh} ({@code /work/shared/tools/open5gs-upf}, or {@code $LIQUID5GC_UPF_TOOLS}) in a network namespace of its
 * own, reached from this host over a veth pair on {@code 10.203.<subnet>.0/29}; the SMF gets its N4 and N3 addresses
 * ({@link #smfArguments()}). {@link #kill()} ends it with SIGKILL (a crash: no PFCP message, its sessions gone) and
 * {@link #start()} runs it again on the same addresses with a new Recovery Time Stamp, as a supervisor would. Needs
 * root (namespaces, TUN): {@link #unavailableReason()} says why not.
 */
public final class UserPlane implements AutoCloseable {

    private final Path tools;
    private final String name;
    private final int subnet;
    private final Path logs;
    private volatile Map<String, String> printed = Map.of();

    private UserPlane(Path tools, String name, int subnet, Path logs) {
        this.tools = tools;
        this.name = name;
        this.subnet = subnet;
        this.logs = logs;
    }

    /** Where upf.sh is. */
    public static Path toolsDirectory() {
        return Path.of(System.getenv().getOrDefault("LIQUID5GC_UPF_TOOLS", "/work/shared/tools/open5gs-upf"));
    }

    /** Why the real UPF cannot run on this machine, or null when it can. */
    public static String unavailableReason() {
        Path tools = toolsDirectory();
        if (!Files.isExecutable(tools.resolve("upf.sh"))) {
            return "no upf.sh in " + tools + " (set LIQUID5GC_UPF_TOOLS)";
        }
        Path bin = Path.of(System.getenv().getOrDefault("UPF_BIN", "/opt/open5gs-upf/bin/open5gs-upfd"));
        if (!Files.isExecutable(bin)) {
            return "no UPF binary at " + bin + ": run " + tools.resolve("build.sh");
        }
        try {
            if (!run(List.of("id", "-u"), Map.of()).trim().equals("0")) {
                return "not root: network namespaces and TUN need root";
            }
            String probe = "l5gfault" + ProcessHandle.current().pid() % 100000;
            run(List.of("ip", "netns", "add", probe), Map.of());
            run(List.of("ip", "netns", "del", probe), Map.of());
        } catch (IOException e) {
            return "network namespaces unavailable: " + e.getMessage();
        }
        return null;
    }

    /** Starts the UPF {@code name} (at most 10 characters) on {@code 10.203.<subnet>.0/29}, its log under {@code logs}. */
    public static UserPlane start(String name, int subnet, Path logs) throws IOException {
        UserPlane upf = new UserPlane(toolsDirectory(), name, subnet, logs);
        upf.stopNamespace(); // left over by a killed run
        upf.start();
        return upf;
    }

    /** Runs the UPF (again): a new namespace on the same addresses, a new Recovery Time Stamp. */
    public void start() throws IOException {
        Files.createDirectories(logs);
        String out = run(List.of(tools.resolve("upf.sh").toString(), "start", name),
                Map.of("PREFIX", "10.203." + subnet, "OUT_DIR", logs.toString()));
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("UPF_PFCP_ADDRESS=")) {
                for (String kv : line.trim().split("\\s+")) {
                    int eq = kv.indexOf('=');
                    values.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        if (!values.containsKey("UPF_PID")) {
            throw new IOException("upf.sh start " + name + " printed no addresses: " + out);
        }
        printed = Map.copyOf(values);
    }

    /** SIGKILL of the UPF process (a crash), then its namespace removed (upf.sh stop) for the next {@link #start()}. */
    public void kill() throws IOException {
        String pid = printed.get("UPF_PID");
        if (pid != null) {
            run(List.of("kill", "-9", pid), Map.of());
        }
        stopNamespace();
    }

    public long pid() {
        return Long.parseLong(printed.get("UPF_PID"));
    }

    /** The SMF's N4 settings for this UPF ({@code liquid5gc.smf.n4.*}, {@code liquid5gc.smf.upf.*}); heart-beats every 2 s. */
    public List<String> smfArguments() {
        return List.of("--liquid5gc.smf.n4.enabled=true", "--liquid5gc.smf.n4-address=" + printed.get("SMF_N4_ADDRESS"),
                "--liquid5gc.smf.upf.n4-address=" + printed.get("UPF_PFCP_ADDRESS"), "--liquid5gc.smf.upf.n3-address=" + printed.get("UPF_N3_ADDRESS"),
                "--liquid5gc.smf.n4.heartbeat-interval=2s", "--liquid5gc.smf.n4.t1=1s");
    }

    public String describe() {
        return "open5gs-upfd (pid " + printed.get("UPF_PID") + ", PFCP " + printed.get("UPF_PFCP_ADDRESS") + ")";
    }

    private void stopNamespace() {
        try {
            run(List.of(tools.resolve("upf.sh").toString(), "stop", name), Map.of());
        } catch (IOException ignored) {
            // nothing to stop
        }
    }

    @Override
    public void close() {
        stopNamespace();
    }

    private static String run(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("upf-sh", ".out");
        try {
            Process p = pb.redirectOutput(out.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd + " timed out");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(cmd + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
