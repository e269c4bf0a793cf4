package io.liquid5gc.evaluation.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One always-on process of a deployment: its name, role, OS process, HTTP port (0 for the stores) and log file.
 */
public final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final ProcessRole role;
    private volatile Process process;
    private final int port;
    private final Path log;
    /** How it was started, to start it again on the same port ({@link #restart}); null: not restartable. */
    private final ProcessBuilder command;

    ManagedProcess(String name, ProcessRole role, Process process, int port, Path log) {
        this(name, role, process, port, log, null);
    }

    ManagedProcess(String name, ProcessRole role, Process process, int port, Path log, ProcessBuilder command) {
        this.name = name;
        this.role = role;
        this.process = process;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    public String name() {
        return name;
    }

    public ProcessRole role() {
        return role;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The HTTP port of an NF or core process, 0 for a store. */
    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}; empty for a store. */
    public String url() {
        return port == 0 ? "" : "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until every given health group answers 200 ({@code readiness}; {@code nrfRegistration} for an NF that
     * registers itself) or the process exits (an error naming its log).
     */
    void awaitReady(Duration limit, List<String> groups) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                boolean all = true;
                for (String g : groups) {
                    all &= status(url() + "/actuator/health/" + g) == 200;
                }
                if (all) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + limit + "; see " + log);
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL at once (what a crash looks like), waiting for the exit. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the same command again (same port, directory, environment; log appended), as a supervisor would after
     * a crash; the process must have exited. Readiness is the caller's ({@link Deployment#restart}).
     */
    void restart() throws IOException {
        if (command == null) {
            throw new IllegalStateException(name + " cannot be restarted (not started from a command)");
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        command.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = command.start();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + (port == 0 ? "" : ", " + url()) + ")";
    }
}
