package io.liquid5gc.gtpu;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real UPF for tests: Open5GS's {@code open5gs-upfd} run by {@code ../shared/tools/open5gs-upf/upf.sh} in a network
 * namespace of its own (a test peer only, AGPL: driven, never copied). {@link #start(String, int)} runs
 * {@code upf.sh start NAME} with its own {@code PREFIX=10.203.N} and parses the addresses it prints; {@link #close()}
 * runs {@code upf.sh stop NAME}. Use a unique NAME and N per test class, and close it in a finally or an after-all.
 * <p>
 * {@link #unavailableReason()} tells a test why it must skip: no root, no network namespaces, or no UPF binary
 * ({@code build.sh} not run; {@code .ci/run} runs it). The tools directory is {@code -Dliquid5gc.upf.tools}, or
 * {@code $LIQUID5GC_UPF_TOOLS}, or {@code /work/shared/tools/open5gs-upf}.
 */
public final class Open5gsUpf implements AutoCloseable {

    private final String name;
    private final Path tools;
    private final Map<String, String> printed;

    private Open5gsUpf(String name, Path tools, Map<String, String> printed) {
        this.name = name;
        this.tools = tools;
        this.printed = printed;
    }

    /** Where upf.sh and build.sh are. */
    public static Path toolsDirectory() {
        String dir = System.getProperty("liquid5gc.upf.tools", System.getenv().getOrDefault("LIQUID5GC_UPF_TOOLS", "/work/shared/tools/open5gs-upf"));
        return Path.of(dir);
    }

    /** Why the real UPF cannot run here (for a test's assumption message), or null when it can. */
    public static String unavailableReason() {
        Path tools = toolsDirectory();
        if (!Files.isExecutable(tools.resolve("upf.sh"))) {
            return "no upf.sh in " + tools + " (set -Dliquid5gc.upf.tools)";
        }
        Path bin = Path.of(System.getenv().getOrDefault("UPF_BIN", "/opt/open5gs-upf/bin/open5gs-upfd"));
        if (!Files.isExecutable(bin)) {
            return "no UPF binary at " + bin + ": run " + tools.resolve("build.sh");
        }
        try {
            String uid = run(List.of("id", "-u"), Map.of());
            if (!uid.trim().equals("0")) {
                return "not root (uid " + uid.trim() + "): network namespaces and TUN need root";
            }
            String probe = "l5gprobe" + ProcessHandle.current().pid() % 100000;
            run(List.of("ip", "netns", "add", probe), Map.of());
            run(List.of("ip", "netns", "del", probe), Map.of());
        } catch (IOException e) {
            return "network namespaces unavailable: " + e.getMessage();
        }
        return null;
    }

    /**
     * Starts a UPF named {@code name} (at most 10 characters) on {@code 10.203.<subnet>.0/29} (subnet 1-254, unique
     * per running UPF). Throws when it does not start.
     */
    public static Open5gsUpf start(String name, int subnet) throws IOException {
        if (subnet < 1 || subnet > 254) {
            throw new IllegalArgumentException("subnet 1-254: " + subnet);
        }
        Path tools = toolsDirectory();
        // a namespace left over by a killed run of the same test class
        try {
            run(List.of(tools.resolve("upf.sh").toString(), "stop", name), Map.of());
        } catch (IOException ignored) {
            // nothing to stop
        }
        String out = run(List.of(tools.resolve("upf.sh").toString(), "start", name), Map.of("PREFIX", "10.203." + subnet));
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("UPF_PFCP_ADDRESS=")) {
                for (String kv : line.trim().split("\\s+")) {
                    int eq = kv.indexOf('=');
                    values.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        if (!values.containsKey("UPF_N3_ADDRESS")) {
            throw new IOException("upf.sh start " + name + " printed no addresses: " + out);
        }
        return new Open5gsUpf(name, tools, Map.copyOf(values));
    }

    public InetAddress pfcpAddress() {
        return address("UPF_PFCP_ADDRESS");
    }

    public InetAddress n3Address() {
        return address("UPF_N3_ADDRESS");
    }

    /** The host side's address for the SMF's N4. */
    public InetAddress smfN4Address() {
        return address("SMF_N4_ADDRESS");
    }

    /** The host side's first gNB N3 address. */
    public InetAddress gnbN3Address() {
        return address("GNB_N3_ADDRESS");
    }

    /** The host side's second gNB N3 address. */
    public InetAddress gnb2N3Address() {
        return address("GNB2_N3_ADDRESS");
    }

    /** The data network's address (the first host of the UE pool): the namespace's kernel answers pings there. */
    public InetAddress dnAddress() {
        return address("DN_ADDRESS");
    }

    /**
     * Makes {@code cidr} (an address or a /29 on another of this host's interfaces, e.g. an SMF N4 or gNB N3 address
     * shared by several UPFs) reachable from inside this UPF's namespace: an on-link route over its veth
     * ({@code ip -n o5NAME route replace CIDR dev NAMEn}); the host answers ARP for any of its own addresses.
     */
    public void routeTo(String cidr) throws IOException {
        run(List.of("ip", "-n", "o5" + name, "route", "replace", cidr, "dev", name + "n"), Map.of());
    }

    /**
     * Adds {@code address}/32 to this host's loopback for a test (one N4 address for several UPFs, each of which gets
     * {@link #routeTo} it); closing removes it again. A leftover of a killed run is replaced.
     */
    public static AutoCloseable hostAddress(String address) throws IOException {
        run(List.of("ip", "addr", "replace", address + "/32", "dev", "lo"), Map.of());
        return () -> run(List.of("ip", "addr", "del", address + "/32", "dev", "lo"), Map.of());
    }

    public long pid() {
        return Long.parseLong(printed.get("UPF_PID"));
    }

    public Path log() {
        return Path.of(printed.get("UPF_LOG"));
    }

    /** The UPF's log so far (for a failing test's message). */
    public String logText() {
        try {
            return Files.readString(log(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private InetAddress address(String key) {
        try {
            return InetAddress.getByName(printed.get(key));
        } catch (IOException e) {
            throw new IllegalStateException(key + ": " + printed.get(key), e);
        }
    }

    @Override
    public void close() throws IOException {
        run(List.of(tools.resolve("upf.sh").toString(), "stop", name), Map.of());
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
