package io.liquid5gc.evaluation.replay;

import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.FunctionStats;
import io.liquid5gc.runner.UnitState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

/**
 * Replays one day's arrivals ({@link Timeline#replayed}) against a function runner, reactive only or with a
 * {@link ReplayController} pre-starting functions, and measures per compressed hour: arrivals, registrations and their
 * latency (by the hour they started in), cold starts a request had to trigger (the runner's {@code requestStarts},
 * counted when launched), requests held for a start, pre-starts, and the units' process-alive time (sampled every
 * 100 ms: a unit starting or ready holds its memory) as GB-s at the configured memory.
 */
public final class ReplayRun {

    /** Without or with the forecaster's plan. */
    public enum Mode {
        REACTIVE("reactive (no pre-warming)"), PREWARM("pre-warming (forecast + plan)");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One compressed hour of a run. */
    public record Hour(int hour, DayProfile.Phase phase, int arrivals, int skipped, List<UeSample> samples, long coldStarts,
                       long heldRequests, long prestarts, double aliveSeconds, double gbSeconds) {
        public Hour {
            samples = List.copyOf(samples);
        }

        public long registered() {
            return samples.stream().filter(UeSample::registered).count();
        }
    }

    /** A whole run. */
    public record Result(Mode mode, List<Hour> hours, List<ReplayController.Decision> decisions, double wallSeconds) {
        public Result {
            hours = List.copyOf(hours);
            decisions = List.copyOf(decisions);
        }

        public long coldStarts() {
            return hours.stream().mapToLong(Hour::coldStarts).sum();
        }

        public double gbSeconds() {
            return hours.stream().mapToDouble(Hour::gbSeconds).sum();
        }

        public List<UeSample> samples() {
            return hours.stream().flatMap(h -> h.samples().stream()).toList();
        }

        /** The hours of a phase of the day. */
        public List<Hour> of(DayProfile.Phase phase) {
            return hours.stream().filter(h -> h.phase() == phase).toList();
        }
    }

    private ReplayRun() {
    }

    /**
     * Runs {@code arrivals} (millis from the start) for the timeline's length; returns once every cycle has ended.
     *
     * @param controller null: reactive only
     */
    public static Result run(Mode mode, Timeline timeline, long[] arrivals, Workload workload, FunctionRunner runner,
                             ReplayController controller, double memoryGb, Consumer<String> progress) throws InterruptedException {
        int hours = timeline.toHour() - timeline.fromHour();
        long hourMs = timeline.hour().toMillis();
        long stepMs = timeline.step().toMillis();
        int steps = hours * timeline.stepsPerHour();
        AtomicIntegerArray perStep = new AtomicIntegerArray(steps);
        AtomicIntegerArray skipped = new AtomicIntegerArray(hours);
        double[] alive = new double[hours];
        List<List<FunctionStats>> snapshots = Collections.synchronizedList(new ArrayList<>());
        List<UeSample> samples = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<?>> cycles = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("replay-", 0).factory());
        long start = System.nanoTime();
        long[] lastSample = {start};
        clock.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            double dt = (now - lastSample[0]) / 1e9;
            lastSample[0] = now;
            int h = (int) Math.min(hours - 1, TimeUnit.NANOSECONDS.toMillis(now - start) / hourMs);
            long warm = runner.stats().stream().filter(s -> s.state() != UnitState.STOPPED).count();
            synchronized (alive) {
                alive[h] += warm * dt;
            }
        }, 100, 100, TimeUnit.MILLISECONDS);
        // the hour snapshots on a thread of their own, by the clock: a slow tick (pre-start calls while a dozen JVMs
        // start on two cores) must not move an hour's counts into the one before
        ScheduledExecutorService hourly = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replay-hour").factory());
        hourly.scheduleAtFixedRate(() -> {
            if (snapshots.size() >= hours) {
                return;
            }
            List<FunctionStats> now = runner.stats();
            snapshots.add(now);
            progress.accept(String.format(Locale.ROOT, "  replay %s: hour %02d, %d cycles done, %d units up, %d cold starts so far",
                    mode.name().toLowerCase(Locale.ROOT), timeline.fromHour() + snapshots.size() - 1, samples.size(),
                    now.stream().filter(x -> x.state() != UnitState.STOPPED).count(),
                    now.stream().mapToLong(FunctionStats::requestStarts).sum() - snapshots.getFirst().stream().mapToLong(FunctionStats::requestStarts).sum()));
        }, 0, hourMs, TimeUnit.MILLISECONDS);
        if (controller != null) {
            int[] observed = {0};
            clock.scheduleAtFixedRate(() -> {
                // the step now by the clock (a late tick plans for the step it is in, having observed every step before it)
                long elapsedStep = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / stepMs;
                if (elapsedStep >= steps) {
                    return; // the day is over: the remaining cycles end without a plan
                }
                int j = (int) elapsedStep;
                try {
                    while (observed[0] < j) {
                        controller.observe(perStep.get(observed[0]++));
                    }
                    controller.tick(j);
                } catch (RuntimeException e) {
                    progress.accept("  replay: step " + j + " failed: " + e);
                }
            }, 0, stepMs, TimeUnit.MILLISECONDS);
        }
        for (long due : arrivals) {
            long wait = start + TimeUnit.MILLISECONDS.toNanos(due) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int hourIndex = (int) (due / hourMs);
            perStep.incrementAndGet((int) Math.min(steps - 1, due / stepMs));
            var cycle = workload.start(due);
            if (cycle.isEmpty()) {
                skipped.incrementAndGet(hourIndex);
                continue;
            }
            cycles.add(cycle.get().thenAccept(samples::add));
        }
        long end = start + TimeUnit.MILLISECONDS.toNanos(hours * hourMs);
        long rest = end - System.nanoTime();
        if (rest > 0) {
            TimeUnit.NANOSECONDS.sleep(rest);
        }
        CompletableFuture.allOf(cycles.toArray(CompletableFuture[]::new)).join();
        clock.shutdownNow();
        hourly.shutdownNow();
        clock.awaitTermination(10, TimeUnit.SECONDS);
        hourly.awaitTermination(10, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - start) / 1e9;
        snapshots.add(runner.stats());
        while (snapshots.size() < hours + 1) {
            snapshots.add(snapshots.size() - 1, snapshots.get(snapshots.size() - 1)); // a step the clock missed (never expected)
        }
        int[] arrivalsPerHour = new int[hours];
        for (long due : arrivals) {
            arrivalsPerHour[(int) (due / hourMs)]++;
        }
        List<Hour> out = new ArrayList<>();
        for (int h = 0; h < hours; h++) {
            int hh = h;
            List<UeSample> inHour;
            synchronized (samples) {
                inHour = samples.stream().filter(s -> s.startMillis() / hourMs == hh).sorted(java.util.Comparator.comparingLong(UeSample::startMillis)).toList();
            }
            List<FunctionStats> a = snapshots.get(h);
            List<FunctionStats> b = snapshots.get(h + 1);
            long cold = 0;
            long held = 0;
            long pre = 0;
            for (int i = 0; i < b.size(); i++) {
                cold += b.get(i).requestStarts() - a.get(i).requestStarts();
                held += b.get(i).waitedForColdStart() - a.get(i).waitedForColdStart();
                pre += b.get(i).prestarts() - a.get(i).prestarts();
            }
            int hourOfDay = timeline.fromHour() + h;
            out.add(new Hour(hourOfDay, timeline.profile().phase(hourOfDay), arrivalsPerHour[h], skipped.get(h), inHour, cold, held, pre,
                    alive[h], alive[h] * memoryGb));
        }
        return new Result(mode, out, controller == null ? List.of() : controller.decisions(), wall);
    }
}
