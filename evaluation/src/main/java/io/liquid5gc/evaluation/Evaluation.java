package io.liquid5gc.evaluation;

import io.liquid5gc.evaluation.deploy.Deployment;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.deploy.DeploymentLauncher;
import io.liquid5gc.evaluation.deploy.LaunchSettings;
import io.liquid5gc.evaluation.deploy.RunningProcess;
import io.liquid5gc.evaluation.load.LoadDriver;
import io.liquid5gc.evaluation.load.Scenario;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.metrics.FunctionTimes;
import io.liquid5gc.evaluation.metrics.ProcSampler;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.ransim.SimUe;
import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.FunctionStats;
import io.liquid5gc.runner.UnitState;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs the evaluation: per deployment, start it, (functions) the cold-start storm, a warm-up, the per-procedure
 * profile (Table VI), then every scenario as often as asked, sampling every process's CPU and RSS throughout; then
 * stops it. The report is {@link io.liquid5gc.evaluation.report.ReportWriter}'s.
 */
public final class Evaluation {

    private final EvaluationOptions options;
    private final LaunchSettings launch;
    private final Consumer<String> progress;

    public Evaluation(EvaluationOptions options, LaunchSettings launch, Consumer<String> progress) {
        this.options = options;
        this.launch = launch;
        this.progress = line -> progress.accept(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    /** The deployment being measured, for {@link #stopCurrent} (a shutdown hook: Ctrl-C leaves no process behind). */
    private volatile Deployment current;

    public List<Results.Deployment> run() {
        return run(done -> { });
    }

    /** Measures every deployment; {@code afterEach} gets the results so far after each (the report is written as it goes). */
    public List<Results.Deployment> run(Consumer<List<Results.Deployment>> afterEach) {
        List<Results.Deployment> all = new ArrayList<>();
        for (DeploymentKind kind : options.deployments()) {
            all.add(measure(kind));
            afterEach.accept(List.copyOf(all));
        }
        return all;
    }

    /** Stops the deployment being measured, if any. */
    public void stopCurrent() {
        Deployment d = current;
        if (d != null) {
            current = null;
            d.close();
        }
    }

    Results.Deployment measure(DeploymentKind kind) {
        progress.accept("deployment " + kind.id() + ": starting");
        List<Results.Run> runs = new ArrayList<>();
        List<Results.Cohort> storm = new ArrayList<>();
        List<Results.Procedure> procedures = new ArrayList<>();
        ProcSampler sampler = null;
        List<FunctionStats> runnerStats = List.of();
        String failure = null;
        Deployment d = null;
        try {
            d = new DeploymentLauncher(launch.withUnitIdle(options.unitIdle()), progress).start(kind);
            current = d;
            Deployment deployment = d;
            sampler = ProcSampler.start(deployment::running, options.sampleInterval());
            progress.accept("deployment " + kind.id() + ": ready, " + deployment.processes().size() + " always-on processes");
            try (SimGnb gnb = new SimGnb("001", "01", 1, 0x1, List.of(LoadDriver.ngapSlice()))) {
                NgapMessage setup = gnb.connect(deployment.n2());
                if (!(setup instanceof NgSetup.Response)) {
                    throw new IllegalStateException("NG Setup refused: " + setup);
                }
                LoadDriver driver = new LoadDriver(gnb, options.stepTimeout());
                if (deployment.runner().isPresent()) {
                    FunctionRunner runner = deployment.runner().get();
                    storm.add(wave(driver, runner, "cold (every unit at zero)", 1));
                    storm.add(wave(driver, runner, "warm", 1 + options.stormUes()));
                } else {
                    List<UeSample> warm = driver.wave(1, Math.min(20, options.stormUes()), 1);
                    progress.accept(String.format(Locale.ROOT, "  warm-up: %d/%d cycles succeeded", warm.stream().filter(UeSample::succeeded).count(), warm.size()));
                }
                procedures.addAll(profile(driver, deployment));
                for (Scenario s : options.scenarios()) {
                    for (int rep = 1; rep <= options.repetitions(); rep++) {
                        runs.add(scenario(driver, deployment, sampler, s, rep));
                    }
                }
            }
            runnerStats = deployment.runner().map(FunctionRunner::stats).orElse(List.of());
        } catch (Exception | AssertionError e) {
            failure = e.toString();
            progress.accept("deployment " + kind.id() + " FAILED: " + e);
        } finally {
            if (sampler != null) {
                sampler.close();
            }
            if (d != null && current == d) {
                progress.accept("deployment " + kind.id() + ": stopping");
                current = null;
                d.close();
            }
        }
        return new Results.Deployment(kind, runs, storm, procedures, sampler == null ? List.of() : sampler.samples(), runnerStats, failure);
    }

    private Results.Cohort wave(LoadDriver driver, FunctionRunner runner, String name, int first) throws InterruptedException {
        List<FunctionStats> before = runner.stats();
        progress.accept("  storm: " + name + ", " + options.stormUes() + " UEs at once (" + runner.liveProcesses() + " units running)");
        long t0 = System.nanoTime();
        List<UeSample> ues = driver.wave(first, options.stormUes(), 1);
        double wall = (System.nanoTime() - t0) / 1e9;
        settle(runner);
        List<FunctionStats> after = runner.stats();
        long cold = 0;
        long held = 0;
        for (int i = 0; i < after.size(); i++) {
            cold += after.get(i).coldStarts() - before.get(i).coldStarts();
            held += after.get(i).waitedForColdStart() - before.get(i).waitedForColdStart();
        }
        long ok = ues.stream().filter(UeSample::succeeded).count();
        progress.accept(String.format(Locale.ROOT, "  storm: %s: %d/%d succeeded, %d cold starts, %d requests held, %.1f s", name, ok, ues.size(),
                cold, held, wall));
        return new Results.Cohort(name, ues, cold, held, wall);
    }

    /** Until no unit is starting, nothing is in flight or held, and no new request came for a second (at most 3 min). */
    private static void settle(FunctionRunner runner) throws InterruptedException {
        long last = -1;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            List<FunctionStats> now = runner.stats();
            long requests = now.stream().mapToLong(FunctionStats::requests).sum();
            boolean quiet = now.stream().allMatch(s -> s.state() != UnitState.STARTING && s.inFlight() == 0 && s.waiting() == 0);
            if (quiet && requests == last) {
                return;
            }
            last = requests;
            Thread.sleep(1000);
        }
    }

    /** Table VI: registrations, then PDU session establishments, then de-registrations, each one UE after the other. */
    private List<Results.Procedure> profile(LoadDriver driver, Deployment d) throws InterruptedException {
        int n = options.profileUes();
        int first = 2 * options.stormUes() + 1;
        List<Results.Procedure> out = new ArrayList<>();
        FunctionTimes.Snapshot s0 = snapshot(d);
        List<UeSample> regs = new ArrayList<>();
        List<SimUe> registered = driver.registerEach(first, n, regs);
        Thread.sleep(300); // the registration's last function (Registration Complete) may still be running
        FunctionTimes.Snapshot s1 = snapshot(d);
        out.add(new Results.Procedure("registration", registered.size(), FunctionTimes.difference(s0, s1)));
        List<Double> sessions = driver.sessionEach(registered);
        Thread.sleep(300); // smf-pdu-session-update runs after the UE has its session (the gNB's setup response)
        FunctionTimes.Snapshot s2 = snapshot(d);
        out.add(new Results.Procedure("PDU session establishment", sessions.size(), FunctionTimes.difference(s1, s2)));
        int deregistered = driver.deregisterEach(registered);
        Thread.sleep(300);
        FunctionTimes.Snapshot s3 = snapshot(d);
        out.add(new Results.Procedure("de-registration (with its PDU session)", deregistered, FunctionTimes.difference(s2, s3)));
        progress.accept(String.format(Locale.ROOT, "  profile: %d registrations, %d PDU sessions, %d de-registrations, one UE at a time",
                registered.size(), sessions.size(), deregistered));
        return out;
    }

    private Results.Run scenario(LoadDriver driver, Deployment d, ProcSampler sampler, Scenario s, int rep) throws InterruptedException {
        Duration duration = s.duration(options.durationScale());
        progress.accept(String.format(Locale.ROOT, "  %s: %s, repetition %d of %d, %d UEs at %.0f/s, %d PDU sessions each, %d s", d.kind().id(),
                s.id(), rep, options.repetitions(), s.ues(), s.rate(), s.sessions(), duration.toSeconds()));
        if (s == Scenario.IDLE && options.awaitScaleToZero() && d.runner().isPresent()) {
            FunctionRunner runner = d.runner().get();
            progress.accept("  " + d.kind().id() + ": idle: waiting until every unit has scaled to zero (" + runner.liveProcesses() + " running)");
            long deadline = System.nanoTime() + options.unitIdle().plusMinutes(2).toNanos();
            while (runner.liveProcesses() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
            }
        }
        List<FunctionStats> before = d.runner().map(FunctionRunner::stats).orElse(List.of());
        FunctionTimes.Snapshot s0 = snapshot(d);
        sampler.sampleOnce();
        long from = sampler.samples().stream().mapToLong(p -> p.millis()).max().orElse(0);
        AtomicInteger skipped = new AtomicInteger();
        List<UeSample> ues = driver.run(s, duration, skipped, progress);
        sampler.sampleOnce();
        long to = sampler.samples().stream().mapToLong(p -> p.millis()).max().orElse(0);
        FunctionTimes.Snapshot s1 = snapshot(d);
        long cold = 0;
        if (d.runner().isPresent()) {
            List<FunctionStats> after = d.runner().get().stats();
            for (int i = 0; i < after.size(); i++) {
                cold += after.get(i).coldStarts() - before.get(i).coldStarts();
            }
        }
        long ok = ues.stream().filter(UeSample::succeeded).count();
        progress.accept(String.format(Locale.ROOT, "  %s: %s done: %d cycles, %d succeeded, %d skipped (population busy), %d cold starts",
                d.kind().id(), s.id(), ues.size(), ok, skipped.get(), cold));
        return new Results.Run(d.kind(), s, rep, from, to, ues, skipped.get(), FunctionTimes.difference(s0, s1), cold);
    }

    private static FunctionTimes.Snapshot snapshot(Deployment d) {
        return FunctionTimes.scrape(d.running().stream().map(RunningProcess::url).toList());
    }
}
