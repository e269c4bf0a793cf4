package io.liquid5gc.runner;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The units of the configured functions, one each, with the idle timer that scales them to zero. Serving HTTP is
 * {@link RunnerHttpServer}'s job; this class only schedules processes and counts.
 */
public final class FunctionRunner implements AutoCloseable {

    private static final System.Logger log = System.getLogger(FunctionRunner.class.getName());

    private final RunnerSettings settings;
    private final Clock clock;
    private final Map<String, FunctionUnit> units = new LinkedHashMap<>();
    private final Set<ProcessLauncher.Launched> live = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer;
    /** When the JVM ends without {@link #close()} (Ctrl-C, a killed test run), no unit process is left behind. */
    private final Thread killOnExit = new Thread(() -> live.forEach(p -> p.stop(Duration.ZERO)), "runner-exit");

    /** Operating-system processes, readiness over HTTP, the system clock, and the idle timer running. */
    public static FunctionRunner start(RunnerSettings settings, Collection<UnitCommand> commands) {
        return start(settings, commands, Clock.systemUTC());
    }

    /**
     * As {@link #start(RunnerSettings, Collection)} on the given clock, which the idle timer reads: a test that must see
     * units scale to zero moves it past the idle time instead of waiting it out.
     */
    public static FunctionRunner start(RunnerSettings settings, Collection<UnitCommand> commands, Clock clock) {
        FunctionRunner runner = new FunctionRunner(settings, commands, new OsProcessLauncher(settings.logDirectory()),
                new HttpReadinessProbe(settings.readinessPath()), clock);
        runner.startIdleTimer();
        Runtime.getRuntime().addShutdownHook(runner.killOnExit);
        return runner;
    }

    /** Without the idle timer: the caller reaps with {@link #reapIdle()} (tests, on their own clock). */
    FunctionRunner(RunnerSettings settings, Collection<UnitCommand> commands, ProcessLauncher launcher, ReadinessProbe probe,
                   Clock clock) {
        this.settings = settings;
        this.clock = clock;
        for (UnitCommand c : commands) {
            if (units.put(c.function(), new FunctionUnit(c, settings, launcher, probe, clock, workers, live)) != null) {
                throw new IllegalArgumentException("function " + c.function() + " is configured twice");
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("no function configured (liquid5gc.runner.group.<name>.functions)");
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("runner-idle").factory());
    }

    private void startIdleTimer() {
        if (settings.idle().isZero()) {
            return;
        }
        long tick = Math.clamp(settings.idle().toMillis() / 10, 100, 1000);
        timer.scheduleWithFixedDelay(() -> {
            try {
                reapIdle();
            } catch (RuntimeException e) {
                log.log(Level.ERROR, "idle check failed", e);
            }
        }, tick, tick, TimeUnit.MILLISECONDS);
    }

    public RunnerSettings settings() {
        return settings;
    }

    Optional<FunctionUnit> unit(String function) {
        return Optional.ofNullable(units.get(function));
    }

    /**
     * Starts the function's process ahead of its requests (a pre-warming plan); empty when the runner has no such
     * function. The state it was in: STOPPED means a process is being launched now; null, the runner is closing.
     */
    public Optional<UnitState> prestart(String function) {
        return unit(function).map(FunctionUnit::prestart);
    }

    /** Stops every unit idle for {@code idle}; returns how many it stopped. */
    public int reapIdle() {
        int stopped = 0;
        var now = clock.instant();
        for (FunctionUnit u : units.values()) {
            if (u.reapIfIdle(now)) {
                stopped++;
            }
        }
        return stopped;
    }

    /** Every function's counts, in configuration order. */
    public List<FunctionStats> stats() {
        List<FunctionStats> all = new ArrayList<>();
        units.values().forEach(u -> all.add(u.stats()));
        return all;
    }

    /** Processes started by this runner that have not ended yet (including ones being stopped). */
    public int liveProcesses() {
        return (int) live.stream().filter(ProcessLauncher.Launched::isAlive).count();
    }

    /** Stops every process (each asked to stop, killed after the grace period) and waits for them to end. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException | IllegalArgumentException exitingOrNeverAdded) {
            // the JVM is exiting (the hook runs), or the runner was built without start()
        }
        List<Thread> stopping = new ArrayList<>();
        units.values().forEach(u -> stopping.add(Thread.ofVirtual().start(u::shutdown)));
        for (Thread t : stopping) {
            try {
                t.join(settings.stopGrace().plusSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a start that was still probing stops its own process; wait for those too
        long deadline = System.nanoTime() + settings.stopGrace().plusSeconds(30).toNanos();
        while (liveProcesses() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        live.forEach(p -> p.stop(Duration.ZERO));
        workers.shutdown();
        log.log(Level.INFO, "function runner closed\n{0}", StatsReport.table(stats()));
    }
}
