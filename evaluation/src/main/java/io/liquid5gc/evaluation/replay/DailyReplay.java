package io.liquid5gc.evaluation.replay;

import io.liquid5gc.evaluation.EvaluationOptions;
import io.liquid5gc.evaluation.deploy.Deployment;
import io.liquid5gc.evaluation.deploy.DeploymentKind;
import io.liquid5gc.evaluation.deploy.DeploymentLauncher;
import io.liquid5gc.evaluation.deploy.LaunchSettings;
import io.liquid5gc.evaluation.load.LoadDriver;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.report.Machine;
import io.liquid5gc.ngap.message.NgSetup;
import io.liquid5gc.ngap.message.NgapMessage;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import io.liquid5gc.orchestrator.prewarm.RunnerScaler;
import io.liquid5gc.ransim.SimGnb;
import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.FunctionStats;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The daily replay against a real deployment with functions ({@code functions} unless {@code --deployments} names only
 * {@code hybrid}): start it; one UE cycle to count each function's invocations per arrival (the planner's mix); wait
 * until every unit has scaled to zero; the day reactive only; wait again; the same day with the orchestrator's
 * forecaster and planner pre-starting units on the runner ({@link RunnerScaler}); stop.
 */
public final class DailyReplay {

    /** Mean execution time given to the planner per invocation: only matters past one busy instance, which the runner cannot exceed. */
    static final double MEAN_EXECUTION_SECONDS = 0.05;

    private final EvaluationOptions options;
    private final ReplayOptions replay;
    private final LaunchSettings launch;
    private final Consumer<String> progress;
    private volatile Deployment current;

    public DailyReplay(EvaluationOptions options, LaunchSettings launch, Consumer<String> progress) {
        this.options = options;
        this.replay = options.replay();
        this.launch = launch;
        this.progress = line -> progress.accept(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    }

    public void stopCurrent() {
        Deployment d = current;
        if (d != null) {
            current = null;
            d.close();
        }
    }

    static DeploymentKind kindOf(List<DeploymentKind> asked) {
        if (asked.contains(DeploymentKind.FUNCTIONS) || !asked.contains(DeploymentKind.HYBRID)) {
            return DeploymentKind.FUNCTIONS;
        }
        return DeploymentKind.HYBRID;
    }

    public ReplayReport.Replay run() {
        Machine before = Machine.now();
        long t0 = System.nanoTime();
        DeploymentKind kind = kindOf(options.deployments());
        Timeline timeline = replay.timeline();
        long[] day = timeline.replayed(replay.seed());
        Map<String, Double> mix = Map.of();
        ReplayRun.Result reactive = null;
        ReplayRun.Result prewarm = null;
        String forecaster = "Holt-Winters (daily season), not fitted";
        String failure = null;
        progress.accept(String.format(Locale.ROOT, "replay %s: %d arrivals over hours %02d-%02d, an hour every %d ms; deployment %s",
                replay.profile().id(), day.length, timeline.fromHour(), timeline.toHour(), timeline.hour().toMillis(), kind.id()));
        try {
            Deployment d = new DeploymentLauncher(launch.withUnitIdle(options.unitIdle()), progress).start(kind);
            current = d;
            FunctionRunner runner = d.runner().orElseThrow();
            try (SimGnb gnb = new SimGnb("001", "01", 1, 0x1, List.of(LoadDriver.ngapSlice()))) {
                NgapMessage setup = gnb.connect(d.n2());
                if (!(setup instanceof NgSetup.Response)) {
                    throw new IllegalStateException("NG Setup refused: " + setup);
                }
                LoadDriver driver = new LoadDriver(gnb, options.stepTimeout());
                mix = calibrate(driver, runner);
                progress.accept("replay: " + mix.size() + " functions per arrival: " + mix);
                awaitZero(runner);
                reactive = ReplayRun.run(ReplayRun.Mode.REACTIVE, timeline, day, new UeWorkload(driver, 1, replay.ues(), 1), runner, null,
                        options.functionMemoryGb(), progress);
                progress.accept(line(reactive));
                awaitZero(runner);
                String base = d.runnerUrlPattern().orElseThrow().replace("/{function}", "/");
                ReplayController controller = new ReplayController(timeline.history(replay.seed(), replay.historyDays()), timeline.daySteps(), mix,
                        MEAN_EXECUTION_SECONDS, new PlanSettings(1, 1.0, replay.minInvocations(), replay.budget(), 1),
                        new RunnerScaler(URI.create(base)), replay.leadSteps());
                forecaster = "Holt-Winters with a daily season (orchestrator HoltWinters.fit, seasons in steps), " + controller.model().parameters();
                prewarm = ReplayRun.run(ReplayRun.Mode.PREWARM, timeline, day, new UeWorkload(driver, 1, replay.ues(), 1), runner, controller,
                        options.functionMemoryGb(), progress);
                progress.accept(line(prewarm));
            }
        } catch (Exception | AssertionError e) {
            failure = e.toString();
            progress.accept("replay FAILED: " + e);
        } finally {
            Deployment d = current;
            if (d != null) {
                progress.accept("replay: stopping " + kind.id());
                stopCurrent();
            }
        }
        return new ReplayReport.Replay(replay, kind.id(), options.functionMemoryGb(), options.unitIdle().toSeconds(), mix, reactive, prewarm,
                forecaster, before, Machine.now(), (System.nanoTime() - t0) / 60e9, failure);
    }

    private static String line(ReplayRun.Result r) {
        return String.format(Locale.ROOT, "replay %s: %d cold starts (%d in the morning surge), %.1f GB-s, %d cycles, %.0f s", r.mode().label(),
                r.coldStarts(), r.of(DayProfile.Phase.SURGE).stream().mapToLong(ReplayRun.Hour::coldStarts).sum(), r.gbSeconds(), r.samples().size(),
                r.wallSeconds());
    }

    /** One UE cycle (registration, a PDU session, de-registration): each function's requests on the runner. */
    private Map<String, Double> calibrate(LoadDriver driver, FunctionRunner runner) throws Exception {
        List<FunctionStats> before = runner.stats();
        UeSample s = driver.startCycle(replay.ues() + 1, 1, 0).get(options.stepTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
        if (!s.succeeded()) {
            throw new IllegalStateException("the calibration cycle failed: " + s.failure());
        }
        Thread.sleep(500); // the last function of the de-registration may still be answering
        List<FunctionStats> after = runner.stats();
        Map<String, Double> mix = new TreeMap<>();
        for (int i = 0; i < after.size(); i++) {
            long n = after.get(i).requests() - before.get(i).requests();
            if (n > 0) {
                mix.put(after.get(i).function(), (double) n);
            }
        }
        return mix;
    }

    private void awaitZero(FunctionRunner runner) throws InterruptedException {
        progress.accept("replay: waiting until every unit has scaled to zero (" + runner.liveProcesses() + " running, idle "
                + options.unitIdle().toSeconds() + " s)");
        long deadline = System.nanoTime() + options.unitIdle().plusMinutes(3).toNanos();
        while (runner.liveProcesses() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        if (runner.liveProcesses() > 0) {
            throw new IllegalStateException(runner.liveProcesses() + " units still running after the idle time");
        }
    }

    /** How long the whole replay takes at least (two runs; starts and waits not counted). */
    public static Duration minimum(ReplayOptions o) {
        return o.timeline().length().multipliedBy(2);
    }
}
