package io.liquid5gc.evaluation.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.report.Machine;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import io.liquid5gc.orchestrator.prewarm.RunnerScaler;
import io.liquid5gc.runner.FunctionRunner;
import io.liquid5gc.runner.RunnerHttpServer;
import io.liquid5gc.runner.RunnerSettings;
import io.liquid5gc.runner.UnitCommand;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily replay, bounded for CI: the campus morning (04:00-11:00, an hour every 800 ms) against the real function
 * runner with real unit processes (a small Python server that takes 1 s to listen: a cold start), each arrival calling
 * three functions one after the other through the runner's gateway; run reactive, then with the orchestrator's
 * Holt-Winters forecaster (trained on three earlier days, never the replayed one) and planner pre-starting units through
 * RunnerScaler. With pre-warming the morning surge meets fewer request-triggered cold starts than without, and the
 * report has both side by side. {@code -Dreplay.test.budget=0} lets the planner grant no instance: the test must then
 * fail (it does: 3 cold starts in the morning either way, and no pre-start).
 */
class DailyReplayPrewarmTest {

    private static final List<String> CHAIN = List.of("amf-initial-registration", "ausf-authenticate", "udm-generate-auth-data");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    @Test
    void whenTheMorningIsReplayedWithAndWithoutPrewarming_thenTheSurgeMeetsFewerColdStartsWithIt() throws Exception {
        ReplayOptions o = new ReplayOptions(DayProfile.CAMPUS, Duration.ofMillis(800), 6.0, 4, 11, 0.15, 4, 3, 19, 2.0, 10, 0.5, 50);
        Timeline t = o.timeline();
        long[] day = t.replayed(o.seed());
        String script = Path.of(getClass().getResource("/units/slow_unit.py").toURI()).toString();
        List<UnitCommand> units = CHAIN.stream().map(f -> new UnitCommand(f, List.of("python3", script, "{port}", "{unit}", "1.0"), null, null)).toList();
        // idle 2 compressed hours: the night scales every unit to zero, the lunch dip does not
        RunnerSettings rs = RunnerSettings.defaults().withIdle(Duration.ofMillis(1600)).withStartTimeout(Duration.ofMinutes(2))
                .withStopGrace(Duration.ofSeconds(2)).withLogDirectory(dir.resolve("units"));
        Machine before = Machine.now();
        ReplayRun.Result reactive;
        ReplayRun.Result prewarm;
        try (FunctionRunner runner = FunctionRunner.start(rs, units); RunnerHttpServer gateway = RunnerHttpServer.start(runner)) {
            String base = "http://127.0.0.1:" + gateway.port() + "/";
            reactive = ReplayRun.run(ReplayRun.Mode.REACTIVE, t, day, chain(base), runner, null, 0.128, line -> { });
            awaitZero(runner);
            Map<String, Double> mix = CHAIN.stream().collect(Collectors.toMap(f -> f, f -> 1.0));
            ReplayController controller = new ReplayController(t.history(o.seed(), o.historyDays()), t.daySteps(), mix, 0.01,
                    new PlanSettings(1, 1.0, o.minInvocations(), Integer.getInteger("replay.test.budget", o.budget()), 1), new RunnerScaler(URI.create(base)), o.leadSteps());
            prewarm = ReplayRun.run(ReplayRun.Mode.PREWARM, t, day, chain(base), runner, controller, 0.128, line -> { });
        }

        long surgeReactive = surgeColdStarts(reactive);
        long surgePrewarm = surgeColdStarts(prewarm);
        // the whole replayed morning: a compressed hour is 800 ms and the chain's three cold starts follow one another
        // (~1.1 s each), so those of one surge arrival are counted in up to four hours, the first maybe in the night's
        // last and the third in the late morning, as the machine's timing goes (the surge alone saw 2 of 3 in 2 of 10 runs)
        long morningReactive = reactive.coldStarts();
        long morningPrewarm = prewarm.coldStarts();
        System.out.printf("daily replay (CI): surge cold starts %d reactive, %d pre-warmed; day %d / %d; GB-s %.1f / %.1f%n", surgeReactive,
                surgePrewarm, reactive.coldStarts(), prewarm.coldStarts(), reactive.gbSeconds(), prewarm.gbSeconds());
        assertThat(morningReactive).as("reactive: the first surge arrivals find the chain at zero").isGreaterThanOrEqualTo(CHAIN.size());
        assertThat(morningPrewarm).as("pre-warmed: the morning's cold starts (reactive %d)", morningReactive).isLessThan(morningReactive);
        assertThat(prewarm.hours().stream().mapToLong(ReplayRun.Hour::prestarts).sum()).as("pre-starts").isPositive();
        assertThat(prewarm.of(DayProfile.Phase.NIGHT).stream().mapToLong(ReplayRun.Hour::prestarts).sum() + prewarm.of(DayProfile.Phase.SURGE)
                .stream().mapToLong(ReplayRun.Hour::prestarts).sum()).as("pre-started before or in the surge").isPositive();
        for (ReplayRun.Result r : List.of(reactive, prewarm)) {
            assertThat(r.samples()).as("%s: every arrival ran", r.mode()).hasSize(day.length);
            assertThat(r.samples()).allMatch(UeSample::succeeded);
            assertThat(r.gbSeconds()).isPositive();
            assertThat(r.hours()).hasSize(7);
        }
        assertThat(prewarm.decisions()).as("a plan every step (a late tick may skip one)").hasSizeBetween(7 * 4 - 3, 7 * 4);

        ReplayReport.Written w = ReplayReport.write(dir, new ReplayReport.Replay(o, "test chain", 0.128, 1, mix(), reactive, prewarm,
                "Holt-Winters (daily)", before, Machine.now(), 0.5, null));
        String md = Files.readString(w.markdown());
        assertThat(md).contains("| cold starts, morning surge | " + surgeReactive + " | " + surgePrewarm + " |", "Per compressed hour", "| 08 | morning surge |");
        assertThat(w.plots()).hasSize(3);
        for (Path p : w.plots()) {
            BufferedImage image = ImageIO.read(p.toFile());
            assertThat(image).as("%s decodes", p).isNotNull();
        }
        assertThat(Files.readAllLines(w.csv())).hasSize(1 + 2 * 7);
    }

    private static Map<String, Double> mix() {
        return CHAIN.stream().collect(Collectors.toMap(f -> f, f -> 1.0));
    }

    private static long surgeColdStarts(ReplayRun.Result r) {
        return r.of(DayProfile.Phase.SURGE).stream().mapToLong(ReplayRun.Hour::coldStarts).sum();
    }

    /** Each arrival: the chain's functions one after the other through the gateway; the latency is the chain's. */
    private static Workload chain(String base) {
        return startedMillis -> {
            long t0 = System.nanoTime();
            CompletableFuture<String> f = CompletableFuture.completedFuture(null);
            for (String fn : CHAIN) {
                f = f.thenCompose(failed -> failed != null ? CompletableFuture.completedFuture(failed)
                        : HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + fn)).timeout(Duration.ofMinutes(2))
                                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                        .handle((r, e) -> e != null ? fn + ": " + e : r.statusCode() == 200 ? null : fn + ": " + r.statusCode()));
            }
            return Optional.of(f.thenApply(failure -> new UeSample(startedMillis, failure == null, failure == null ? (System.nanoTime() - t0) / 1e6 : 0,
                    0, List.of(), failure == null, failure)));
        };
    }

    private static void awaitZero(FunctionRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (runner.liveProcesses() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(runner.liveProcesses()).as("every unit scaled to zero before the second run").isZero();
    }
}
