package io.liquid5gc.store.etcd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real single-member etcd for tests: free loopback client and peer ports, a temporary data directory (on
 * /dev/shm when there is one, so fsync costs nothing), started, waited for until {@code /health} says true, and
 * killed by {@link #close()} (or by a shutdown hook if the test run dies first). Reusable by other modules' tests
 * through store-etcd's test-jar:
 *
 * <pre>{@code
 * try (EtcdServerProcess etcd = EtcdServerProcess.start()) {
 *     // liquid5gc.registry.type=etcd, liquid5gc.registry.etcd.endpoints=etcd.endpoint()
 * }
 * }</pre>
 *
 * The binary is {@code $LIQUID5GC_ETCD}, else {@code etcd} on the PATH (Debian's package etcd-server); without
 * one the calling test is skipped with a message saying so. The member runs with a 50 ms heartbeat and a 500 ms
 * election timeout: it elects itself quickly and its minimum lease TTL is 1 s (2 s with etcd's defaults).
 */
public final class EtcdServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(20);

    private final Path binary;
    private final List<String> command;
    private final int clientPort;
    private final int peerPort;
    private final Path dir;
    private final Path log;
    private volatile Process process;
    private volatile Thread hook;

    private EtcdServerProcess(Path binary, List<String> command, int clientPort, int peerPort, Path dir) {
        this.binary = binary;
        this.command = List.copyOf(command);
        this.clientPort = clientPort;
        this.peerPort = peerPort;
        this.dir = dir;
        this.log = dir.resolve("etcd.log");
    }

    /**
     * Starts a member and waits until it is healthy (has a leader).
     *
     * @param extraFlags more etcd flags; a flag given again wins (e.g. {@code "--election-timeout", "1000"})
     */
    public static EtcdServerProcess start(String... extraFlags) {
        Path binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take a free port first
            try {
                return tryStart(binary, extraFlags);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("etcd " + binary + " did not start: " + last.getMessage(), last);
    }

    private static EtcdServerProcess tryStart(Path binary, String... extraFlags) throws IOException {
        int clientPort = freePort();
        int peerPort = freePort();
        while (peerPort == clientPort) {
            peerPort = freePort();
        }
        Path shm = Path.of("/dev/shm");
        Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "liquid5gc-etcd-")
                : Files.createTempDirectory("liquid5gc-etcd-");
        String client = "http://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        List<String> cmd = new java.util.ArrayList<>(List.of(binary.toString(),
                "--name", "liquid5gc-test", "--data-dir", dir.resolve("data").toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "liquid5gc-test=" + peer, "--initial-cluster-state", "new",
                "--heartbeat-interval", "50", "--election-timeout", "500",
                "--logger", "zap", "--log-level", "warn"));
        cmd.addAll(List.of(extraFlags));
        EtcdServerProcess server = new EtcdServerProcess(binary, cmd, clientPort, peerPort, dir);
        try {
            server.launch();
        } catch (IOException e) {
            deleteTree(dir);
            throw e;
        }
        return server;
    }

    private void launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().keySet().removeIf(k -> k.startsWith("ETCD_")); // flags only, no surprises from the environment
        Process p = pb.start();
        process = p;
        hook = new Thread(p::destroyForcibly, "etcd-" + clientPort + "-killer");
        Runtime.getRuntime().addShutdownHook(hook);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    String out = output();
                    stop();
                    throw new IOException("exited with " + p.exitValue() + ": " + out);
                }
                if (healthy(http)) {
                    return;
                }
                sleep(50);
            }
        }
        String out = output();
        stop();
        throw new IOException("not healthy on " + endpoint() + " within " + STARTUP.toSeconds() + " s: " + out);
    }

    /** Kills the member and starts it again on the same ports and data directory: the data and leases come back. */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("etcd " + binary + " did not restart on " + endpoint() + ": " + e.getMessage(), e);
        }
    }

    /** Kills the member, keeping its data (for {@link #restart()}); {@link #close()} also deletes it. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly(); // kill: etcd's WAL makes that safe, and it is what a crash looks like
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process = null;
    }

    /** True while the member's process runs. */
    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    private boolean healthy(HttpClient http) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(endpoint() + "/health"))
                    .timeout(Duration.ofSeconds(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"health\":\"true\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code http://127.0.0.1:<client port>} */
    public String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    public int clientPort() {
        return clientPort;
    }

    public int peerPort() {
        return peerPort;
    }

    /** The member's log so far (for failure messages). */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        deleteTree(dir);
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** A port nobody listens on right now (for "unreachable server" tests too). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** True when an etcd binary is there to start. */
    public static boolean available() {
        return find() != null;
    }

    /** The etcd binary, or a skipped test when there is none. */
    public static Path binary() {
        Path etcd = find();
        Assumptions.assumeTrue(etcd != null, "etcd binary not found (not on the PATH, LIQUID5GC_ETCD unset): install"
                + " it (Debian: apt-get install etcd-server) to run the etcd store tests");
        return etcd;
    }

    private static Path find() {
        String env = System.getenv("LIQUID5GC_ETCD");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(d.isEmpty() ? "." : d, "etcd");
                if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "etcd on " + endpoint();
    }
}
