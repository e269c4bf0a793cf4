package io.liquid5gc.evaluation.report;

import io.liquid5gc.evaluation.Results;
import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.metrics.FunctionTimes.Totals;
import io.liquid5gc.evaluation.metrics.ProcessSample;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The raw samples as CSV: every UE cycle, every process sample, every function total. */
final class RawData {

    static void write(Path dir, List<Results.Deployment> deployments) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("ue-samples.csv"))) {
            w.write("deployment,phase,repetition,start_ms,registered,registration_ms,sessions_wanted,session_ms,deregistered,failure\n");
            for (Results.Deployment d : deployments) {
                for (Results.Cohort c : d.storm()) {
                    for (UeSample u : c.ues()) {
                        ue(w, d.kind().id(), "storm " + c.name(), 1, u);
                    }
                }
                for (Results.Run r : d.runs()) {
                    for (UeSample u : r.ues()) {
                        ue(w, d.kind().id(), r.scenario().id(), r.repetition(), u);
                    }
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("process-samples.csv"))) {
            w.write("deployment,ms,process,role,pid,cpu_seconds,rss_bytes\n");
            for (Results.Deployment d : deployments) {
                for (ProcessSample s : d.samples()) {
                    w.write(String.format(Locale.ROOT, "%s,%d,%s,%s,%d,%.2f,%d%n", d.kind().id(), s.millis(), s.name(), s.role(), s.pid(),
                            s.cpuSeconds(), s.rssBytes()));
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("functions.csv"))) {
            w.write("deployment,phase,repetition,count_of_phase,function,invocations,seconds\n");
            for (Results.Deployment d : deployments) {
                for (Results.Procedure p : d.procedures()) {
                    functions(w, d.kind().id(), "profile " + p.name(), 1, p.count(), p.functions());
                }
                for (Results.Run r : d.runs()) {
                    functions(w, d.kind().id(), r.scenario().id(), r.repetition(), r.ues().size(), r.functions());
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("runs.csv"))) {
            w.write("deployment,scenario,repetition,from_ms,to_ms,cycles,skipped,cold_starts\n");
            for (Results.Deployment d : deployments) {
                for (Results.Run r : d.runs()) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%d%n", d.kind().id(), r.scenario().id(), r.repetition(),
                            r.fromMillis(), r.toMillis(), r.ues().size(), r.skipped(), r.coldStarts()));
                }
            }
        }
    }

    private static void ue(Writer w, String deployment, String phase, int rep, UeSample u) throws IOException {
        w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%.3f,%d,%s,%s,%s%n", deployment, phase, rep, u.startMillis(), u.registered(),
                u.registrationMs(), u.sessionsWanted(), u.sessionMs().stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(";")),
                u.deregistered(), u.failure() == null ? "" : csv(u.failure())));
    }

    private static void functions(Writer w, String deployment, String phase, int rep, int count, Map<String, Totals> fns) throws IOException {
        for (var e : fns.entrySet()) {
            w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%s,%.0f,%.6f%n", deployment, phase, rep, count, e.getKey(), e.getValue().count(),
                    e.getValue().seconds()));
        }
    }

    static String csv(String s) {
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }

    private RawData() {
    }
}
