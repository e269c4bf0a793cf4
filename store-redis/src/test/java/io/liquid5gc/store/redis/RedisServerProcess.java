package io.liquid5gc.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server for tests, on a free loopback port with its own temporary directory, stopped by
 * {@link #close()} (and by a shutdown hook if a test run dies first). Reusable by other modules' tests through
 * store-redis's test-jar:
 *
 * <pre>{@code
 * try (RedisServerProcess redis = RedisServerProcess.start()) {
 *     // liquid5gc.store.type=redis, liquid5gc.store.redis.url=redis.url()
 * }
 * }</pre>
 *
 * The binary is, in order: {@code $LIQUID5GC_REDIS_SERVER} (a path, or {@code embedded} to force the
 * embedded-redis one), {@code redis-server} on the PATH (Debian's package
 * redis-server), or the redis-server 7.0 that {@code org.signal:embedded-redis} ships (extracted from the
 * classpath when that jar is there). With none of them the calling test is skipped with a message saying so.
 * <p>By default the server runs as production should: {@code maxmemory-policy noeviction} and
 * {@code appendonly yes}; extra arguments (e.g. {@code "--maxmemory-policy", "allkeys-lru"}) override them.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final String EMBEDDED_VERSION = "7.0.15";

    private final Path binary;
    private final List<String> command;
    private final int port;
    private final Path dir;
    private final Path log;
    private volatile Process process;
    private volatile Thread hook;

    private RedisServerProcess(Path binary, List<String> command, int port, Path dir) {
        this.binary = binary;
        this.command = List.copyOf(command);
        this.port = port;
        this.dir = dir;
        this.log = dir.resolve("redis.log");
    }

    /** Starts a server with the production settings plus {@code extraArgs}, and waits until it answers PING. */
    public static RedisServerProcess start(String... extraArgs) {
        Path binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) { // another process may take the free port first
            try {
                return startOn(binary, freePort(), extraArgs);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("redis-server " + binary + " did not start: " + last.getMessage(), last);
    }

    /**
     * Starts {@code redis-server <config> <extraArgs>} on a free port (e.g. a sentinel: {@code "--sentinel"}), and waits
     * until it answers PING.
     */
    public static RedisServerProcess startWithConfig(Path config, String... extraArgs) {
        Path binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                int port = freePort();
                Path dir = Files.createTempDirectory("liquid5gc-redis-");
                List<String> cmd = new ArrayList<>(List.of(binary.toString(), config.toString()));
                cmd.addAll(List.of(extraArgs));
                cmd.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--daemonize", "no",
                        "--dir", dir.toString(), "--logfile", "", "--loglevel", "warning"));
                RedisServerProcess server = new RedisServerProcess(binary, cmd, port, dir);
                try {
                    server.launch();
                    return server;
                } catch (IOException e) {
                    deleteTree(dir);
                    throw e;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IllegalStateException("redis-server " + binary + " " + config + " did not start: " + last.getMessage(), last);
    }

    private static RedisServerProcess startOn(Path binary, int port, String... extraArgs) throws IOException {
        Path dir = Files.createTempDirectory("liquid5gc-redis-");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--protected-mode", "yes",
                "--daemonize", "no", "--dir", dir.toString(), "--logfile", "", "--loglevel", "warning",
                "--save", "", "--appendonly", "yes", "--maxmemory-policy", "noeviction"));
        cmd.addAll(List.of(extraArgs));
        RedisServerProcess server = new RedisServerProcess(binary, cmd, port, dir);
        try {
            server.launch();
        } catch (IOException e) {
            deleteTree(dir);
            throw e;
        }
        return server;
    }

    private void launch() throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process = p;
        hook = new Thread(p::destroyForcibly, "redis-server-" + port + "-killer");
        Runtime.getRuntime().addShutdownHook(hook);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                String out = output();
                stop();
                throw new IOException("exited with " + p.exitValue() + ": " + out);
            }
            if (ping()) {
                return;
            }
            sleep(20);
        }
        String out = output();
        stop();
        throw new IOException("no PONG on port " + port + " within 10 s: " + out);
    }

    /**
     * Stops the server (SIGTERM: Redis writes its AOF out) and starts it again with the same arguments, port and
     * directory, so persisted data comes back and clients can reconnect.
     */
    public void restart() {
        stop();
        try {
            launch();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server " + binary + " did not restart on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server, keeping its directory (for {@link #restart()}); {@link #close()} also deletes it. */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        process = null;
    }

    /** kill -9: the server dies at once, as a crashed host would (no AOF rewrite, no goodbye to replicas or clients). */
    public void kill() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
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

    /** The server's process id (e.g. to stop it with SIGSTOP), or -1 when it does not run. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** True while the server process runs. */
    public boolean running() {
        Process p = process;
        return p != null && p.isAlive();
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>} */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** The server's log so far (for failure messages). */
    public String output() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** True when the server answers PING on its port (or asks for the password). */
    public boolean ping() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[64];
            int n = s.getInputStream().read(buf);
            String reply = n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
            return reply.startsWith("+PONG") || reply.startsWith("-NOAUTH"); // up, and wants a password
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
        deleteTree(dir);
    }

    /** A port nobody listens on right now (for "unreachable server" tests too). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** The redis-server that tests will use, or a skipped test when there is none. */
    public static Path binary() {
        String env = System.getenv("LIQUID5GC_REDIS_SERVER");
        if ("embedded".equals(env)) {
            Path embedded = embeddedBinary();
            Assumptions.assumeTrue(embedded != null, "LIQUID5GC_REDIS_SERVER=embedded but org.signal:embedded-redis"
                    + " (with a binary for this platform) is not on the test classpath");
            return embedded;
        }
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(d.isEmpty() ? "." : d, "redis-server");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Path embedded = embeddedBinary();
        Assumptions.assumeTrue(embedded != null, "no redis-server: install it (Debian: apt-get install redis-server), "
                + "set LIQUID5GC_REDIS_SERVER, or put org.signal:embedded-redis on the test classpath");
        return embedded;
    }

    private static Path extracted;

    private static synchronized Path embeddedBinary() {
        if (extracted != null && Files.isExecutable(extracted)) {
            return extracted;
        }
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : null;
        String archName = switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> null;
        };
        if (osName == null || archName == null) {
            return null;
        }
        String resource = "/redis-server-" + EMBEDDED_VERSION + "-" + osName + "-" + archName;
        try (InputStream in = RedisServerProcess.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Path file = Files.createTempFile("liquid5gc-redis-server-", "");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().setExecutable(true);
            file.toFile().deleteOnExit();
            extracted = file;
            return file;
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "redis-server on " + url();
    }
}
