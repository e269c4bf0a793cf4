package io.liquid5gc.evaluation;

import io.liquid5gc.evaluation.deploy.LaunchSettings;
import io.liquid5gc.evaluation.report.Machine;
import io.liquid5gc.evaluation.replay.DailyReplay;
import io.liquid5gc.evaluation.replay.ReplayReport;
import io.liquid5gc.evaluation.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The evaluation command (README "Evaluation"; {@code evaluation/evaluate.sh} builds and runs it): options in
 * {@link EvaluationOptions}; progress on stdout; the report in {@code --out}.
 */
public final class EvaluationMain {

    public static void main(String[] args) throws Exception {
        EvaluationOptions o;
        try {
            o = EvaluationOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("evaluation: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (o.replay() != null) {
            ReplayReport.Written w = replay(o);
            System.out.println("report: " + w.markdown().toAbsolutePath());
            return;
        }
        ReportWriter.Written w = run(o);
        System.out.println("report: " + w.markdown().toAbsolutePath());
    }

    /** Runs the evaluation and writes the report (also what EvaluationTest calls). */
    public static ReportWriter.Written run(EvaluationOptions o) throws Exception {
        Path out = o.out().toAbsolutePath();
        Files.createDirectories(out);
        LaunchSettings launch = LaunchSettings.defaults(o.repository(), out.resolve("work"));
        Machine before = Machine.now();
        long t0 = System.nanoTime();
        System.out.println("evaluation: " + before.describe() + ", load " + before.loadAverage());
        Evaluation evaluation = new Evaluation(o, launch, System.out::println);
        Thread hook = new Thread(evaluation::stopCurrent, "evaluation-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Results.Deployment> results;
        try {
            // the report is rewritten after each deployment: an interrupted run keeps what it measured
            results = evaluation.run(sofar -> {
                try {
                    ReportWriter.write(out, o, sofar, before, Machine.now(), Duration.ofNanos(System.nanoTime() - t0));
                    System.out.println("evaluation: report so far (" + sofar.size() + " of " + o.deployments().size() + " deployments) in " + out);
                } catch (java.io.IOException e) {
                    System.out.println("evaluation: report so far not written: " + e);
                }
            });
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the deployment
            }
        }
        Machine after = Machine.now();
        ReportWriter.Written w = ReportWriter.write(out, o, results, before, after, Duration.ofNanos(System.nanoTime() - t0));
        System.out.println("evaluation: done in " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + " s, load " + after.loadAverage());
        return w;
    }

    /** The daily replay (--replay): the day reactive and pre-warmed, its report {@code replay.md} in {@code --out}. */
    public static ReplayReport.Written replay(EvaluationOptions o) throws Exception {
        Path out = o.out().toAbsolutePath();
        Files.createDirectories(out);
        DailyReplay replay = new DailyReplay(o, LaunchSettings.defaults(o.repository(), out.resolve("work")), System.out::println);
        Thread hook = new Thread(replay::stopCurrent, "replay-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ReplayReport.Replay r;
        try {
            r = replay.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the deployment
            }
        }
        return ReplayReport.write(out, r);
    }

    private EvaluationMain() {
    }
}
