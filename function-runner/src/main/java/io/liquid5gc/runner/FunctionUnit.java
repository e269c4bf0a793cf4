package io.liquid5gc.runner;

import io.liquid5gc.runner.Admission.Admitted;
import io.liquid5gc.runner.Admission.Refused;
import io.liquid5gc.runner.UnitState.Event;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function's unit: at most one process, started on the first request when there is none (the request, and every
 * one arriving meanwhile up to {@code max-queue}, is held until the process's readiness answers UP, as Knative's
 * activator holds requests for a revision at zero), stopped after {@code idle} without requests. Every state change is
 * made under one lock; launching, probing and stopping run on the executor, never under the lock. Times come from the
 * injected clock (launch to ready, held time, idleness), so the scheduling is tested without waiting.
 */
final class FunctionUnit {

    private static final System.Logger log = System.getLogger(FunctionUnit.class.getName());
    private static final int LOG_LINES_ON_FAILURE = 30;

    private final UnitCommand command;
    private final RunnerSettings settings;
    private final ProcessLauncher launcher;
    private final ReadinessProbe probe;
    private final Clock clock;
    private final Executor executor;
    /** The runner's processes that have not ended yet (started, serving, or being stopped). */
    private final Set<ProcessLauncher.Launched> live;

    private final Object lock = new Object();
    private UnitState state = UnitState.STOPPED;
    private ProcessLauncher.Launched process;
    private CompletableFuture<ProcessLauncher.Launched> starting;
    private int waiting;
    private int inFlight;
    private Instant lastActivity;
    private boolean closed;

    private long coldStarts;
    private long prestarts;
    private long requestStarts;
    private long startFailures;
    private long stops;
    private long requests;
    private long refused;
    private long waited;
    private final List<Duration> coldStartDurations = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    FunctionUnit(UnitCommand command, RunnerSettings settings, ProcessLauncher launcher, ReadinessProbe probe, Clock clock,
                 Executor executor, Set<ProcessLauncher.Launched> live) {
        this.command = command;
        this.settings = settings;
        this.launcher = launcher;
        this.probe = probe;
        this.clock = clock;
        this.executor = executor;
        this.live = live;
        this.lastActivity = clock.instant();
    }

    String function() {
        return command.function();
    }

    /**
     * Admits one request: at once when the unit is ready; else after its cold start (started here when there is no
     * process), or refused when {@code max-queue} requests already wait, when the start fails, or when closing.
     * Every {@link Admitted} must be {@link #release released}.
     */
    Admission admit() {
        CompletableFuture<ProcessLauncher.Launched> ready;
        Instant heldSince;
        synchronized (lock) {
            Instant now = clock.instant();
            requests++;
            lastActivity = now;
            if (closed) {
                refused++;
                return new Refused(Refusal.SHUTTING_DOWN, "the function runner is closing");
            }
            if (state == UnitState.READY && !process.isAlive()) {
                exited();
            }
            switch (state) {
                case READY -> {
                    inFlight++;
                    return new Admitted(process, false, Duration.ZERO);
                }
                case STARTING -> {
                    if (waiting >= settings.maxQueue()) {
                        refused++;
                        return new Refused(Refusal.QUEUE_FULL, settings.maxQueue() + " requests already wait for the cold start of "
                                + function() + " (liquid5gc.runner.max-queue)");
                    }
                }
                case STOPPED -> {
                    state = state.on(Event.REQUEST_WHILE_STOPPED);
                    requestStarts++;
                    CompletableFuture<ProcessLauncher.Launched> start = new CompletableFuture<>();
                    starting = start;
                    executor.execute(() -> start(start));
                }
            }
            waiting++;
            ready = starting;
            heldSince = now;
        }
        return awaitStart(ready, heldSince);
    }

    /**
     * A plan wants this unit warm before its requests come: with no process one is launched now, without a request
     * (its idle time counts from its readiness); a ready unit's idle time starts again. Returns the state before, or
     * null when the runner is closing.
     */
    UnitState prestart() {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            if (state == UnitState.READY && !process.isAlive()) {
                exited();
            }
            UnitState before = state;
            switch (state) {
                case STOPPED -> {
                    state = state.on(Event.PRESTART);
                    prestarts++;
                    CompletableFuture<ProcessLauncher.Launched> start = new CompletableFuture<>();
                    starting = start;
                    executor.execute(() -> start(start));
                }
                case READY -> lastActivity = clock.instant();
                case STARTING -> { }
            }
            return before;
        }
    }

    private Admission awaitStart(CompletableFuture<ProcessLauncher.Launched> ready, Instant heldSince) {
        try {
            // start() completes the future by the start timeout; the extra minute only guards against a launcher that hangs
            ProcessLauncher.Launched p = ready.get(settings.startTimeout().plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
            synchronized (lock) {
                waiting--;
                waited++;
                Duration held = Duration.between(heldSince, clock.instant());
                waits.add(held);
                inFlight++;
                lastActivity = clock.instant();
                return new Admitted(p, true, held);
            }
        } catch (ExecutionException e) {
            return refusedAfterWait(Refusal.START_FAILED, e.getCause().getMessage());
        } catch (TimeoutException e) {
            return refusedAfterWait(Refusal.START_FAILED, "the unit of " + function() + " was not ready within "
                    + settings.startTimeout().plusMinutes(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refusedAfterWait(Refusal.SHUTTING_DOWN, "interrupted while waiting for the unit of " + function());
        }
    }

    private Admission refusedAfterWait(Refusal refusal, String detail) {
        synchronized (lock) {
            waiting--;
            refused++;
        }
        return new Refused(refusal, detail);
    }

    /** The answer of an admitted request is back. */
    void release(Admitted admitted) {
        synchronized (lock) {
            inFlight--;
            lastActivity = clock.instant();
        }
    }

    /** Launches the process, polls its readiness until UP, the process's end, or the start timeout. */
    private void start(CompletableFuture<ProcessLauncher.Launched> ready) {
        Instant launchedAt = clock.instant();
        ProcessLauncher.Launched p;
        try {
            p = launcher.launch(command);
        } catch (IOException | RuntimeException e) {
            failStart(ready, null, "could not be launched: " + e.getMessage());
            return;
        }
        live.add(p);
        Instant deadline = launchedAt.plus(settings.startTimeout());
        while (true) {
            if (isClosed()) {
                failStart(ready, p, "the function runner is closing");
                stopProcess(p);
                return;
            }
            if (!p.isAlive()) {
                failStart(ready, p, "its process exited with " + p.exitCode().map(String::valueOf).orElse("?") + " before it was ready");
                live.remove(p);
                return;
            }
            if (probe.isReady(p.port())) {
                break;
            }
            if (!clock.instant().isBefore(deadline)) {
                failStart(ready, p, "its process was not ready within " + settings.startTimeout() + " (liquid5gc.runner.start-timeout)");
                stopProcess(p);
                return;
            }
            try {
                Thread.sleep(settings.probeInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failStart(ready, p, "interrupted while it started");
                stopProcess(p);
                return;
            }
        }
        Duration took = Duration.between(launchedAt, clock.instant());
        int held;
        synchronized (lock) {
            if (closed) {
                held = -1;
            } else {
                state = state.on(Event.READY);
                process = p;
                lastActivity = clock.instant();
                coldStarts++;
                coldStartDurations.add(took);
                held = waiting;
            }
        }
        if (held < 0) {
            failStart(ready, p, "the function runner is closing");
            stopProcess(p);
            return;
        }
        log.log(Level.INFO, "cold start of {0}: ready in {1} ms ({2}); {3} request(s) held", function(),
                String.valueOf(took.toMillis()), p, String.valueOf(held));
        ready.complete(p);
    }

    private void failStart(CompletableFuture<ProcessLauncher.Launched> ready, ProcessLauncher.Launched p, String why) {
        synchronized (lock) {
            if (state == UnitState.STARTING) {
                state = state.on(Event.START_FAILED);
            }
            startFailures++;
        }
        String lines = p == null ? "" : "\n  | " + String.join("\n  | ", p.lastLogLines(LOG_LINES_ON_FAILURE));
        log.log(Level.WARNING, "the unit of {0} did not start: {1}{2}", function(), why, lines);
        ready.completeExceptionally(new IllegalStateException("the unit of " + function() + " did not start: " + why
                + " (its output is in the runner's log)"));
    }

    /** The process of a ready unit has ended by itself: the next request starts a new one. Under the lock. */
    private void exited() {
        ProcessLauncher.Launched gone = process;
        state = state.on(Event.EXITED);
        process = null;
        live.remove(gone);
        log.log(Level.WARNING, "the process of {0} ended by itself with {1} ({2}):\n  | {3}", function(),
                gone.exitCode().map(String::valueOf).orElse("?"), gone, String.join("\n  | ", gone.lastLogLines(LOG_LINES_ON_FAILURE)));
    }

    /**
     * Stops the process when the unit has had no request in flight, none waiting, and none received for
     * {@code idle} ({@code 0}: never). Returns whether it did.
     */
    boolean reapIfIdle(Instant now) {
        ProcessLauncher.Launched toStop;
        synchronized (lock) {
            if (state != UnitState.READY) {
                return false;
            }
            if (!process.isAlive()) {
                exited();
                return false;
            }
            if (settings.idle().isZero() || inFlight > 0 || waiting > 0 || now.isBefore(lastActivity.plus(settings.idle()))) {
                return false;
            }
            state = state.on(Event.IDLE);
            toStop = process;
            process = null;
            stops++;
        }
        log.log(Level.INFO, "scale to zero: {0} had no request for {1} s, stopping {2}", function(),
                String.valueOf(settings.idle().toSeconds()), toStop);
        executor.execute(() -> stopProcess(toStop));
        return true;
    }

    /** Closing: no request is admitted any more; the process, if any, is stopped (returns when it has ended). */
    void shutdown() {
        ProcessLauncher.Launched toStop;
        synchronized (lock) {
            closed = true;
            toStop = process;
            process = null;
            state = state.on(Event.SHUTDOWN);
        }
        if (toStop != null) {
            stopProcess(toStop);
        }
    }

    private void stopProcess(ProcessLauncher.Launched p) {
        try {
            p.stop(settings.stopGrace());
        } finally {
            live.remove(p);
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    FunctionStats stats() {
        synchronized (lock) {
            return new FunctionStats(function(), state, coldStarts, startFailures, stops, requests, refused, waited, inFlight,
                    waiting, coldStartDurations, waits, prestarts, requestStarts);
        }
    }
}
