package io.liquid5gc.runner;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Launches nothing: each "process" is a flag the test flips (alive, stopped), on a port the test chooses (0 when
 * nothing listens), with log lines the test can recognise.
 */
final class FakeLauncher implements ProcessLauncher {

    static final String LOG_LINE = "fake unit says: SECRET-LOOKING-LOG-LINE";

    final List<FakeProcess> launched = new CopyOnWriteArrayList<>();
    volatile int port;
    volatile boolean dieAtOnce;
    volatile boolean failToLaunch;

    @Override
    public Launched launch(UnitCommand unit) throws java.io.IOException {
        if (failToLaunch) {
            throw new java.io.IOException("no such program: " + unit.command().getFirst());
        }
        FakeProcess p = new FakeProcess(unit.function(), port, launched.size() + 1);
        if (dieAtOnce) {
            p.alive.set(false);
        }
        launched.add(p);
        return p;
    }

    static final class FakeProcess implements Launched {
        final String function;
        final int port;
        final long pid;
        final AtomicBoolean alive = new AtomicBoolean(true);
        final AtomicInteger stops = new AtomicInteger();

        FakeProcess(String function, int port, long pid) {
            this.function = function;
            this.port = port;
            this.pid = pid;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return alive.get();
        }

        @Override
        public Optional<Integer> exitCode() {
            return alive.get() ? Optional.empty() : Optional.of(stops.get() > 0 ? 143 : 1);
        }

        @Override
        public List<String> lastLogLines(int n) {
            return List.of("starting " + function, LOG_LINE);
        }

        @Override
        public void stop(Duration grace) {
            stops.incrementAndGet();
            alive.set(false);
        }
    }
}
