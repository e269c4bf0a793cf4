package io.liquid5gc.runner;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts a unit as an operating-system process: a free loopback port, the unit's command with {@code {port}}
 * replaced, its directory and environment; standard output and error to {@code <logDirectory>/<function>-<n>.log}.
 * Stopping is {@link Process#destroy()} (SIGTERM: a Spring Boot unit shuts down gracefully), then
 * {@link Process#destroyForcibly()} (SIGKILL) after the grace period.
 */
public final class OsProcessLauncher implements ProcessLauncher {

    private static final int TAIL_BYTES = 16 * 1024;

    private final Path logDirectory;
    private final AtomicLong starts = new AtomicLong();

    public OsProcessLauncher(Path logDirectory) {
        this.logDirectory = logDirectory;
    }

    @Override
    public Launched launch(UnitCommand unit) throws IOException {
        Files.createDirectories(logDirectory);
        int port = freePort();
        Path log = logDirectory.resolve(unit.function() + "-" + starts.incrementAndGet() + ".log");
        ProcessBuilder builder = new ProcessBuilder(unit.resolve(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        if (unit.directory() != null) {
            builder.directory(unit.directory().toFile());
        }
        builder.environment().putAll(unit.environment());
        return new OsProcess(builder.start(), port, log);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** A port nobody listens on now (the process binds it a moment later; a clash makes that start fail, not hang). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record OsProcess(Process process, int port, Path log) implements Launched {

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public Optional<Integer> exitCode() {
            return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
        }

        @Override
        public List<String> lastLogLines(int n) {
            try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
                long length = file.length();
                long from = Math.max(0, length - TAIL_BYTES);
                byte[] tail = new byte[(int) (length - from)];
                file.seek(from);
                file.readFully(tail);
                List<String> lines = new ArrayList<>(Arrays.asList(new String(tail, StandardCharsets.UTF_8).split("\\R")));
                if (from > 0 && !lines.isEmpty()) {
                    lines.removeFirst(); // cut in the middle
                }
                return List.copyOf(lines.subList(Math.max(0, lines.size() - n), lines.size()));
            } catch (IOException e) {
                return List.of("(its log " + log + " cannot be read: " + e.getMessage() + ")");
            }
        }

        @Override
        public void stop(Duration grace) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String toString() {
            return "pid " + process.pid() + " on port " + port + " (log " + log + ")";
        }
    }
}
