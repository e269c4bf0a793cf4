package io.liquid5gc.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.runner.Admission.Admitted;
import io.liquid5gc.runner.Admission.Refused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduling of function units with nothing launched: {@link FakeLauncher}'s processes are flags, readiness is
 * a flag or a count of probes, time is a {@link MutableClock} that moves only when a probe says so or the test
 * advances it.
 */
class FunctionRunnerTest {

    private static final String FN = "ausf-authenticate";
    private static final Duration PROBE_STEP = Duration.ofMillis(250);

    private final MutableClock clock = new MutableClock();
    private final FakeLauncher launcher = new FakeLauncher();
    private final AtomicBoolean ready = new AtomicBoolean();
    private final AtomicInteger probes = new AtomicInteger();
    /** Every probe that finds the unit not ready moves the clock by PROBE_STEP: the start takes time on the clock. */
    private final ReadinessProbe probe = port -> {
        probes.incrementAndGet();
        if (ready.get()) {
            return true;
        }
        clock.advance(PROBE_STEP);
        return false;
    };
    private FunctionRunner runner;

    private FunctionRunner runner(RunnerSettings settings) {
        runner = new FunctionRunner(settings.withProbeInterval(Duration.ofMillis(1)),
                List.of(new UnitCommand(FN, List.of("java", "-jar", "nf-ausf.jar", "--server.port={port}"), null, null)),
                launcher, probe, clock);
        return runner;
    }

    private FunctionUnit unit() {
        return runner.unit(FN).orElseThrow();
    }

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void whenTheFirstRequestArrives_thenOneProcessStartsAndTheRequestIsHeldUntilItIsReady() throws Exception {
        runner(RunnerSettings.defaults());
        CompletableFuture<Admission> first = CompletableFuture.supplyAsync(() -> unit().admit());
        await(() -> probes.get() >= 3);
        assertThat(first).as("held while the process is not ready").isNotDone();
        assertThat(launcher.launched).hasSize(1);
        assertThat(unit().stats().state()).isEqualTo(UnitState.STARTING);

        ready.set(true);
        Admission admission = first.get(10, TimeUnit.SECONDS);

        assertThat(admission).isInstanceOfSatisfying(Admitted.class, a -> {
            assertThat(a.waitedForColdStart()).isTrue();
            assertThat(a.process()).isSameAs(launcher.launched.getFirst());
        });
        FunctionStats s = unit().stats();
        assertThat(s.state()).isEqualTo(UnitState.READY);
        assertThat(s.coldStarts()).isEqualTo(1);
        // launch to ready on the clock: every failed probe moved it by PROBE_STEP, and the request was held as long
        Duration took = PROBE_STEP.multipliedBy(probes.get() - 1);
        assertThat(s.coldStartDurations()).containsExactly(took);
        assertThat(s.waits()).containsExactly(took);
        assertThat(((Admitted) admission).waited()).isEqualTo(took);
    }

    @Test
    void whenTheUnitIsReady_thenARequestIsAdmittedAtOnceWithoutAnotherStart() throws Exception {
        runner(RunnerSettings.defaults());
        ready.set(true);
        unit().release((Admitted) unit().admit());

        Admission second = unit().admit();

        assertThat(second).isInstanceOfSatisfying(Admitted.class, a -> {
            assertThat(a.waitedForColdStart()).isFalse();
            assertThat(a.waited()).isZero();
        });
        assertThat(launcher.launched).hasSize(1);
        assertThat(unit().stats().requests()).isEqualTo(2);
        assertThat(unit().stats().waitedForColdStart()).isEqualTo(1);
    }

    @Test
    void whenManyRequestsArriveDuringOneStart_thenOneColdStartServesThemAll() throws Exception {
        runner(RunnerSettings.defaults());
        List<CompletableFuture<Admission>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(CompletableFuture.supplyAsync(() -> unit().admit(), runnerThreads()));
        }
        await(() -> unit().stats().requests() == 20);
        ready.set(true);

        for (CompletableFuture<Admission> f : all) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(Admitted.class);
        }
        assertThat(launcher.launched).hasSize(1);
        FunctionStats s = unit().stats();
        assertThat(s.coldStarts()).isEqualTo(1);
        assertThat(s.waitedForColdStart()).isEqualTo(20);
        assertThat(s.waits()).hasSize(20);
    }

    @Test
    void whenMoreThanMaxQueueRequestsWait_thenTheOthersAreRefusedAtOnce() throws Exception {
        runner(RunnerSettings.defaults().withMaxQueue(3));
        List<CompletableFuture<Admission>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(CompletableFuture.supplyAsync(() -> unit().admit(), runnerThreads()));
        }
        // three of them wait (the unit is not ready); the other two come back at once
        await(() -> all.stream().filter(CompletableFuture::isDone).count() == 2);
        assertThat(unit().stats().refused()).isEqualTo(2);
        List<Refused> refusedAtOnce = all.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join)
                .map(Refused.class::cast).toList();
        assertThat(refusedAtOnce).hasSize(2).allSatisfy(r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.QUEUE_FULL);
            assertThat(r.detail()).contains("3 requests already wait").contains("liquid5gc.runner.max-queue");
        });

        ready.set(true);

        assertThat(all.stream().map(CompletableFuture::join).filter(Admitted.class::isInstance)).hasSize(3);
        assertThat(launcher.launched).hasSize(1);
    }

    @Test
    void whenTheProcessExitsBeforeItIsReady_thenTheWaitersAreRefusedWithoutItsOutputAndTheNextRequestStartsAgain() {
        runner(RunnerSettings.defaults());
        launcher.dieAtOnce = true;

        Admission first = unit().admit();

        assertThat(first).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.START_FAILED);
            assertThat(r.detail()).contains(FN).contains("exited with 1 before it was ready")
                    .doesNotContain(FakeLauncher.LOG_LINE);
        });
        assertThat(unit().stats().state()).isEqualTo(UnitState.STOPPED);
        assertThat(unit().stats().startFailures()).isEqualTo(1);
        assertThat(runner.liveProcesses()).isZero();

        launcher.dieAtOnce = false;
        ready.set(true);
        assertThat(unit().admit()).isInstanceOf(Admitted.class);
        assertThat(launcher.launched).hasSize(2);
        assertThat(unit().stats().coldStarts()).isEqualTo(1);
    }

    @Test
    void whenTheCommandCannotBeLaunched_thenTheRequestIsRefusedNamingWhy() {
        runner(RunnerSettings.defaults());
        launcher.failToLaunch = true;

        assertThat(unit().admit()).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.START_FAILED);
            assertThat(r.detail()).contains("could not be launched: no such program: java");
        });
        assertThat(unit().stats().state()).isEqualTo(UnitState.STOPPED);
    }

    @Test
    void whenNotReadyWithinTheStartTimeout_thenItsProcessIsStoppedAndTheWaitersRefused() {
        runner(RunnerSettings.defaults().withStartTimeout(Duration.ofSeconds(5)));

        Admission first = unit().admit(); // never ready: each probe moves the clock 250 ms

        assertThat(first).isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.refusal()).isEqualTo(Refusal.START_FAILED);
            assertThat(r.detail()).contains("not ready within PT5S").contains("liquid5gc.runner.start-timeout");
        });
        await(() -> launcher.launched.getFirst().stops.get() == 1);
        assertThat(launcher.launched.getFirst().isAlive()).isFalse();
        assertThat(probes.get()).isEqualTo(20);
    }

    @Test
    void whenIdleForTheIdleTime_thenItsProcessIsStoppedAndTheNextRequestColdStartsAgain() throws Exception {
        runner(RunnerSettings.defaults().withIdle(Duration.ofSeconds(30)));
        ready.set(true);
        unit().release((Admitted) unit().admit());
        FakeLauncher.FakeProcess first = launcher.launched.getFirst();

        clock.advance(Duration.ofSeconds(30).minusMillis(1));
        assertThat(runner.reapIdle()).isZero();
        assertThat(first.isAlive()).isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(runner.reapIdle()).isEqualTo(1);
        await(() -> !first.isAlive());
        assertThat(first.stops).hasValue(1);
        assertThat(unit().stats().state()).isEqualTo(UnitState.STOPPED);
        assertThat(unit().stats().stops()).isEqualTo(1);
        await(() -> runner.liveProcesses() == 0);

        assertThat(unit().admit()).isInstanceOfSatisfying(Admitted.class, a -> assertThat(a.waitedForColdStart()).isTrue());
        assertThat(launcher.launched).hasSize(2);
        assertThat(unit().stats().coldStarts()).isEqualTo(2);
        assertThat(unit().stats().requestStarts()).as("both launched by a request").isEqualTo(2);
    }

    @Test
    void whenAPlanPrestartsTheUnit_thenItsFirstRequestFindsItReadyAndItsIdleTimeCountsFromReadiness() throws Exception {
        runner(RunnerSettings.defaults().withIdle(Duration.ofSeconds(30)));
        ready.set(true);
        assertThat(runner.prestart(FN)).contains(UnitState.STOPPED);
        await(() -> unit().stats().state() == UnitState.READY);
        assertThat(runner.prestart(FN)).as("already warm: nothing launched").contains(UnitState.READY);
        assertThat(launcher.launched).hasSize(1);
        assertThat(runner.prestart("nrf-discover")).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        assertThat(runner.prestart(FN)).contains(UnitState.READY);   // the plan still wants it: idle time starts again
        clock.advance(Duration.ofSeconds(20));
        assertThat(runner.reapIdle()).isZero();
        assertThat(unit().admit()).isInstanceOfSatisfying(Admitted.class, a -> assertThat(a.waitedForColdStart()).isFalse());
        FunctionStats s = unit().stats();
        assertThat(s.prestarts()).isEqualTo(1);
        assertThat(s.requestStarts()).as("no request found it at zero").isZero();
        assertThat(s.waitedForColdStart()).isZero();
        assertThat(s.coldStarts()).as("processes started that became ready").isEqualTo(1);
    }

    @Test
    void whenARequestIsInFlight_thenTheUnitIsNotStoppedHoweverLongItTakes() {
        runner(RunnerSettings.defaults().withIdle(Duration.ofSeconds(30)));
        ready.set(true);
        Admitted inFlight = (Admitted) unit().admit();

        clock.advance(Duration.ofMinutes(10));
        assertThat(runner.reapIdle()).isZero();

        unit().release(inFlight);
        clock.advance(Duration.ofSeconds(29));
        assertThat(runner.reapIdle()).as("idle counts from the answer, not from the request").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runner.reapIdle()).isEqualTo(1);
    }

    @Test
    void whenIdleIsZero_thenTheUnitIsNeverStopped() {
        runner(RunnerSettings.defaults().withIdle(Duration.ZERO));
        ready.set(true);
        unit().release((Admitted) unit().admit());

        clock.advance(Duration.ofDays(1));

        assertThat(runner.reapIdle()).isZero();
        assertThat(unit().stats().state()).isEqualTo(UnitState.READY);
    }

    @Test
    void whenTheProcessOfAReadyUnitDies_thenTheNextRequestStartsANewOne() {
        runner(RunnerSettings.defaults());
        ready.set(true);
        unit().release((Admitted) unit().admit());
        launcher.launched.getFirst().alive.set(false);

        assertThat(unit().admit()).isInstanceOfSatisfying(Admitted.class, a -> {
            assertThat(a.waitedForColdStart()).isTrue();
            assertThat(a.process()).isSameAs(launcher.launched.get(1));
        });
        assertThat(unit().stats().coldStarts()).isEqualTo(2);
    }

    @Test
    void whenTheRunnerCloses_thenEveryProcessIsStoppedAndRequestsAreRefused() {
        runner(RunnerSettings.defaults());
        ready.set(true);
        unit().release((Admitted) unit().admit());

        runner.close();

        assertThat(launcher.launched.getFirst().isAlive()).isFalse();
        assertThat(runner.liveProcesses()).isZero();
        assertThat(unit().admit()).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.refusal()).isEqualTo(Refusal.SHUTTING_DOWN));
        runner = null;
    }

    @Test
    void whenAFunctionIsConfiguredTwice_thenTheRunnerRefusesToStart() {
        UnitCommand c = new UnitCommand(FN, List.of("x", "{port}"), null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FunctionRunner(RunnerSettings.defaults(), List.of(c, c), launcher, probe, clock))
                .hasMessageContaining("configured twice");
    }

    private static java.util.concurrent.Executor runnerThreads() {
        return r -> Thread.ofVirtual().start(r);
    }

    /** Polls a condition for up to 30 s (a busy machine): a wait, not an assertion on time. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
