package io.liquid5gc.runner;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the runner serves and schedules its function units ({@code liquid5gc.runner.*} in its properties file).
 *
 * @param address        where it listens: a loopback address only (the runner starts processes for whoever calls
 *                       it and has no authentication of its own; the units check the callers' access tokens)
 * @param port           its HTTP port ({@code 0}: any free port)
 * @param idle           a unit with no request for this long is stopped (scale to zero); {@code 0}: never
 * @param maxQueue       requests that may wait for one unit's cold start; beyond, 503 with Retry-After at once
 * @param startTimeout   launch to ready, at most; a unit not ready by then is stopped and its waiters get 503
 * @param stopGrace      after asking a process to stop (SIGTERM), the wait before it is killed
 * @param forwardTimeout one forwarded request's answer, at most (504 beyond)
 * @param probeInterval  readiness is polled this often while a unit starts
 * @param readinessPath  the unit's readiness endpoint: 200 with {@code UP} in the body means ready
 * @param logDirectory   each unit process's standard output and error go to a file here
 * @param maxBody        a request body larger than this is refused with 413
 */
public record RunnerSettings(InetAddress address, int port, Duration idle, int maxQueue, Duration startTimeout,
                             Duration stopGrace, Duration forwardTimeout, Duration probeInterval, String readinessPath,
                             Path logDirectory, int maxBody) {

    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_QUEUE = 256;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofMillis(100);
    public static final String DEFAULT_READINESS_PATH = "/actuator/health/readiness";
    public static final int DEFAULT_MAX_BODY = 4 * 1024 * 1024;

    public RunnerSettings {
        address = address == null ? InetAddress.getLoopbackAddress() : address;
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("liquid5gc.runner.address=" + address.getHostAddress()
                    + ": the runner listens on loopback only (it starts processes for any caller; it is for measurement"
                    + " and tests on one machine, Knative or Lambda are the platforms for anything else)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("liquid5gc.runner.port=" + port + ": not a TCP port");
        }
        idle = nonNegative("idle", idle, DEFAULT_IDLE);
        if (maxQueue < 1) {
            throw new IllegalArgumentException("liquid5gc.runner.max-queue=" + maxQueue + ": at least 1 (the request that starts a unit waits too)");
        }
        startTimeout = positive("start-timeout", startTimeout, DEFAULT_START_TIMEOUT);
        stopGrace = nonNegative("stop-grace", stopGrace, DEFAULT_STOP_GRACE);
        forwardTimeout = positive("forward-timeout", forwardTimeout, DEFAULT_FORWARD_TIMEOUT);
        probeInterval = positive("probe-interval", probeInterval, DEFAULT_PROBE_INTERVAL);
        readinessPath = readinessPath == null || readinessPath.isBlank() ? DEFAULT_READINESS_PATH : readinessPath;
        if (!readinessPath.startsWith("/")) {
            throw new IllegalArgumentException("liquid5gc.runner.readiness-path=" + readinessPath + ": must start with /");
        }
        logDirectory = logDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"), "liquid5gc-runner") : logDirectory;
        if (maxBody < 1) {
            throw new IllegalArgumentException("liquid5gc.runner.max-body=" + maxBody + ": at least 1 byte");
        }
    }

    /** The defaults: loopback, any free port, idle 30 s, 256 waiting, start 3 min, grace 10 s. */
    public static RunnerSettings defaults() {
        return new RunnerSettings(null, 0, DEFAULT_IDLE, DEFAULT_MAX_QUEUE, null, null, null, null, null, null, DEFAULT_MAX_BODY);
    }

    public RunnerSettings withPort(int newPort) {
        return new RunnerSettings(address, newPort, idle, maxQueue, startTimeout, stopGrace, forwardTimeout, probeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withIdle(Duration newIdle) {
        return new RunnerSettings(address, port, newIdle, maxQueue, startTimeout, stopGrace, forwardTimeout, probeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withMaxQueue(int newMaxQueue) {
        return new RunnerSettings(address, port, idle, newMaxQueue, startTimeout, stopGrace, forwardTimeout, probeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withStartTimeout(Duration newStartTimeout) {
        return new RunnerSettings(address, port, idle, maxQueue, newStartTimeout, stopGrace, forwardTimeout, probeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withStopGrace(Duration newStopGrace) {
        return new RunnerSettings(address, port, idle, maxQueue, startTimeout, newStopGrace, forwardTimeout, probeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withForwardTimeout(Duration newForwardTimeout) {
        return new RunnerSettings(address, port, idle, maxQueue, startTimeout, stopGrace, newForwardTimeout, probeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withProbeInterval(Duration newProbeInterval) {
        return new RunnerSettings(address, port, idle, maxQueue, startTimeout, stopGrace, forwardTimeout, newProbeInterval,
                readinessPath, logDirectory, maxBody);
    }

    public RunnerSettings withLogDirectory(Path newLogDirectory) {
        return new RunnerSettings(address, port, idle, maxQueue, startTimeout, stopGrace, forwardTimeout, probeInterval,
                readinessPath, newLogDirectory, maxBody);
    }

    private static Duration nonNegative(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative()) {
            throw new IllegalArgumentException("liquid5gc.runner." + name + "=" + d + ": must not be negative");
        }
        return d;
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = Objects.requireNonNullElse(value, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("liquid5gc.runner." + name + "=" + d + ": must be positive");
        }
        return d;
    }
}
