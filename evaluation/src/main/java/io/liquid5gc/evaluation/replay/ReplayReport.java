package io.liquid5gc.evaluation.replay;

import io.liquid5gc.evaluation.load.UeSample;
import io.liquid5gc.evaluation.report.Charts;
import io.liquid5gc.evaluation.report.Machine;
import io.liquid5gc.evaluation.report.Quantiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The daily replay's report: {@code replay.md} (per compressed hour and per phase of the day, reactive and pre-warming
 * side by side: cold starts, requests held, registration p50/p99 and success, GB-s), {@code plots/replay-*.png}
 * (XChart) and {@code replay-hours.csv}.
 */
public final class ReplayReport {

    /** What the replay measured, for the report. */
    public record Replay(ReplayOptions options, String deployment, double memoryGb, long unitIdleSeconds, Map<String, Double> invocationsPerArrival,
                         ReplayRun.Result reactive, ReplayRun.Result prewarm, String forecaster, Machine before, Machine after,
                         double wallMinutes, String failure) {
    }

    /** The files written. */
    public record Written(Path markdown, List<Path> plots, Path csv) {
    }

    private ReplayReport() {
    }

    public static Written write(Path dir, Replay r) throws IOException {
        Files.createDirectories(dir.resolve("plots"));
        ReplayOptions o = r.options();
        Timeline t = o.timeline();
        StringBuilder md = new StringBuilder();
        md.append("# Liquid5GC daily replay: ").append(o.profile().id()).append(", with and without pre-warming\n\n");
        md.append("A day of the `").append(o.profile().id()).append("` profile in compressed time against the `").append(r.deployment())
                .append("` deployment (every function scale-to-zero under the local function runner), run twice on the same arrivals:")
                .append(" reactive only, then with the orchestrator's forecaster and planner pre-starting functions ahead of the demand.")
                .append(" Command: `evaluation/evaluate.sh --replay ").append(o.profile().id()).append(" ...` (docs/operations.md \"Daily replay\").\n\n");
        md.append("- Machine: ").append(r.before().describe()).append("\n");
        md.append("- Load average (1, 5, 15 min) at the start: ").append(r.before().loadAverage()).append("; at the end: ")
                .append(r.after().loadAverage()).append("\n");
        md.append(String.format(Locale.ROOT, "- Time: one hour of the day = %d ms (a day = %.1f min); hours %02d-%02d replayed; peak %.2f registrations/s;"
                        + " noise %.0f %%; %d forecast steps per hour; wall time %.1f min%n", t.hour().toMillis(), t.hour().toMillis() * 24 / 60000.0,
                t.fromHour(), t.toHour(), o.peakRate(), o.noise() * 100, o.stepsPerHour(), r.wallMinutes()));
        md.append(String.format(Locale.ROOT, "- Units: stopped after %d s idle (%.1f compressed hours); GB-s = %.3f GB configured per unit x the time its"
                        + " process was starting or ready (sampled every 100 ms)%n", r.unitIdleSeconds(), r.unitIdleSeconds() * 1000.0 / t.hour().toMillis(),
                r.memoryGb()));
        String before = t.fromHour() == 0 ? "" : String.format(Locale.ROOT, " and hours 00-%02d of one more (seed %d)", t.fromHour(),
                o.seed() + o.historyDays() + 1);
        md.append(String.format(Locale.ROOT, "- Forecaster: %s; trained on %d earlier days of the same profile (seeds %d..%d, noise as above)%s;"
                        + " the replayed day (seed %d) is never in its training, it only observes each step once it has passed. Plan: warm a"
                        + " function when its forecast invocations over the current step and the next %.1f hours (%d steps) reach %.2f, budget %d"
                        + " instances%n", r.forecaster(), o.historyDays(), o.seed() + 1, o.seed() + o.historyDays(), before,
                o.seed(), o.leadHours(), o.leadSteps(), o.minInvocations(), o.budget()));
        md.append("- Invocations per arrival (one registration cycle with a PDU session, counted on the runner before the runs): ")
                .append(r.invocationsPerArrival().size()).append(" functions, ")
                .append(String.format(Locale.ROOT, "%.0f", r.invocationsPerArrival().values().stream().mapToDouble(Double::doubleValue).sum()))
                .append(" invocations\n");
        md.append("- Cold starts: launches a request had to trigger (the unit was at zero), counted when launched; *held*: requests that waited for"
                + " a start (including a pre-start still under way). Registration latency and success by the hour the cycle started in.\n\n");
        if (r.failure() != null) {
            md.append("**Not measured to the end**: ").append(r.failure()).append("\n\n");
        }
        if (r.reactive() != null && r.prewarm() != null) {
            summary(md, r);
            byPhase(md, r, t);
            byHour(md, r);
        }
        List<Path> plots = new ArrayList<>();
        Path csv = dir.resolve("replay-hours.csv");
        if (r.reactive() != null && r.prewarm() != null) {
            plots.add(plot(dir, "replay-cold-starts.png", "Cold starts per compressed hour", "cold starts (request-triggered)", r, h -> h.coldStarts()));
            plots.add(plot(dir, "replay-registration-p99.png", "Registration p99 per compressed hour", "registration p99, ms",
                    r, h -> nz(Quantiles.of(reg(h), 0.99))));
            plots.add(plot(dir, "replay-gb-s.png", "Unit GB-s per compressed hour", "GB-s (configured memory x alive time)", r, ReplayRun.Hour::gbSeconds));
            md.append("![cold starts](plots/replay-cold-starts.png)\n\n![registration p99](plots/replay-registration-p99.png)\n\n![GB-s](plots/replay-gb-s.png)\n");
            writeCsv(csv, r);
        }
        Path file = dir.resolve("replay.md");
        Files.writeString(file, md.toString());
        return new Written(file, plots, csv);
    }

    private static void summary(StringBuilder md, Replay r) {
        ReplayRun.Result a = r.reactive();
        ReplayRun.Result b = r.prewarm();
        DayProfile.Phase surge = DayProfile.Phase.SURGE;
        md.append("## The day, side by side\n\n| | ").append(a.mode().label()).append(" | ").append(b.mode().label()).append(" |\n|---|---:|---:|\n");
        row(md, "arrivals (skipped: population busy)", a, b, x -> String.format(Locale.ROOT, "%d (%d)", arrivals(x.hours()), skipped(x.hours())));
        row(md, "cold starts, whole day", a, b, x -> String.valueOf(x.coldStarts()));
        row(md, "cold starts, " + surge.label(), a, b, x -> String.valueOf(x.of(surge).stream().mapToLong(ReplayRun.Hour::coldStarts).sum()));
        row(md, "requests held for a start", a, b, x -> String.valueOf(x.hours().stream().mapToLong(ReplayRun.Hour::heldRequests).sum()));
        row(md, "pre-starts", a, b, x -> String.valueOf(x.hours().stream().mapToLong(ReplayRun.Hour::prestarts).sum()));
        row(md, "registration p50 / p99, ms", a, b, x -> ms(reg(x.hours()), 0.5) + " / " + ms(reg(x.hours()), 0.99));
        row(md, "registration p50 / p99, " + surge.label() + ", ms", a, b, x -> ms(reg(x.of(surge)), 0.5) + " / " + ms(reg(x.of(surge)), 0.99));
        row(md, "registrations accepted / cycles succeeded", a, b, x -> pct(x.samples(), UeSample::registered) + " / " + pct(x.samples(), UeSample::succeeded));
        row(md, "failures (why)", a, b, ReplayReport::failures);
        row(md, "unit GB-s", a, b, x -> String.format(Locale.ROOT, "%.1f", x.gbSeconds()));
        row(md, "wall time of the run, s", a, b, x -> String.format(Locale.ROOT, "%.0f", x.wallSeconds()));
        md.append("\n");
    }

    private static void byPhase(StringBuilder md, Replay r, Timeline t) {
        md.append("## Per phase of the day (R = reactive, P = pre-warming)\n\n| phase | hours | arrivals | cold starts R / P | held R / P |"
                + " reg p50 R / P, ms | reg p99 R / P, ms | registered R / P | GB-s R / P |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (DayProfile.Phase p : DayProfile.Phase.values()) {
            List<ReplayRun.Hour> a = r.reactive().of(p);
            List<ReplayRun.Hour> b = r.prewarm().of(p);
            if (a.isEmpty()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d / %d | %d / %d | %s / %s | %s / %s | %s / %s | %.1f / %.1f |%n", p.label(),
                    hours(a), arrivals(a), cold(a), cold(b), held(a), held(b), ms(reg(a), 0.5), ms(reg(b), 0.5), ms(reg(a), 0.99), ms(reg(b), 0.99),
                    pct(flat(a), UeSample::registered), pct(flat(b), UeSample::registered), gb(a), gb(b)));
        }
        md.append("\n");
    }

    private static void byHour(StringBuilder md, Replay r) {
        md.append("## Per compressed hour\n\n| hour | phase | arrivals | cold starts R / P | held R / P | pre-starts P | reg p50 R / P, ms |"
                + " reg p99 R / P, ms | registered R / P | GB-s R / P |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int i = 0; i < r.reactive().hours().size(); i++) {
            ReplayRun.Hour a = r.reactive().hours().get(i);
            ReplayRun.Hour b = r.prewarm().hours().get(i);
            md.append(String.format(Locale.ROOT, "| %02d | %s | %d | %d / %d | %d / %d | %d | %s / %s | %s / %s | %s / %s | %.1f / %.1f |%n", a.hour(),
                    a.phase().label(), a.arrivals(), a.coldStarts(), b.coldStarts(), a.heldRequests(), b.heldRequests(), b.prestarts(),
                    ms(reg(List.of(a)), 0.5), ms(reg(List.of(b)), 0.5), ms(reg(List.of(a)), 0.99), ms(reg(List.of(b)), 0.99),
                    pct(a.samples(), UeSample::registered), pct(b.samples(), UeSample::registered), a.gbSeconds(), b.gbSeconds()));
        }
        md.append("\n");
    }

    private static void row(StringBuilder md, String name, ReplayRun.Result a, ReplayRun.Result b, java.util.function.Function<ReplayRun.Result, String> f) {
        md.append("| ").append(name).append(" | ").append(f.apply(a)).append(" | ").append(f.apply(b)).append(" |\n");
    }

    private static Path plot(Path dir, String name, String title, String yTitle, Replay r, ToDoubleFunction<ReplayRun.Hour> f) throws IOException {
        List<Charts.Line> lines = new ArrayList<>();
        for (ReplayRun.Result res : List.of(r.reactive(), r.prewarm())) {
            double[] x = res.hours().stream().mapToDouble(ReplayRun.Hour::hour).toArray();
            double[] y = res.hours().stream().mapToDouble(f).toArray();
            lines.add(new Charts.Line(res.mode().label(), x, y));
        }
        double max = r.reactive().hours().stream().mapToInt(ReplayRun.Hour::arrivals).max().orElse(1);
        double top = lines.stream().flatMapToDouble(l -> java.util.Arrays.stream(l.y())).max().orElse(1);
        double[] x = r.reactive().hours().stream().mapToDouble(ReplayRun.Hour::hour).toArray();
        double[] y = r.reactive().hours().stream().mapToDouble(h -> max == 0 ? 0 : h.arrivals() / max * Math.max(1, top)).toArray();
        lines.add(new Charts.Line("arrivals (scaled to the plot)", x, y));
        Path file = dir.resolve("plots").resolve(name);
        Charts.lines(file, title, "hour of the compressed day", yTitle, lines, List.of());
        return file;
    }

    private static void writeCsv(Path file, Replay r) throws IOException {
        StringBuilder sb = new StringBuilder("mode,hour,phase,arrivals,skipped,cycles,registered,succeeded,reg_p50_ms,reg_p99_ms,cold_starts,held,prestarts,alive_s,gb_s\n");
        for (ReplayRun.Result res : List.of(r.reactive(), r.prewarm())) {
            for (ReplayRun.Hour h : res.hours()) {
                sb.append(String.format(Locale.ROOT, "%s,%d,%s,%d,%d,%d,%d,%d,%.1f,%.1f,%d,%d,%d,%.2f,%.3f%n", res.mode().name().toLowerCase(Locale.ROOT),
                        h.hour(), h.phase().name().toLowerCase(Locale.ROOT), h.arrivals(), h.skipped(), h.samples().size(), h.registered(),
                        h.samples().stream().filter(UeSample::succeeded).count(), nz(Quantiles.of(reg(h), 0.5)), nz(Quantiles.of(reg(h), 0.99)),
                        h.coldStarts(), h.heldRequests(), h.prestarts(), h.aliveSeconds(), h.gbSeconds()));
            }
        }
        Files.writeString(file, sb.toString());
    }

    private static List<Double> reg(ReplayRun.Hour h) {
        return reg(List.of(h));
    }

    static List<Double> reg(List<ReplayRun.Hour> hours) {
        return flat(hours).stream().filter(UeSample::registered).map(UeSample::registrationMs).toList();
    }

    private static List<UeSample> flat(List<ReplayRun.Hour> hours) {
        return hours.stream().flatMap(h -> h.samples().stream()).toList();
    }

    private static String hours(List<ReplayRun.Hour> h) {
        return h.size() == 1 ? String.format(Locale.ROOT, "%02d", h.getFirst().hour())
                : h.stream().map(x -> String.format(Locale.ROOT, "%02d", x.hour())).reduce((x, y) -> x + "," + y).orElse("");
    }

    private static int arrivals(List<ReplayRun.Hour> h) {
        return h.stream().mapToInt(ReplayRun.Hour::arrivals).sum();
    }

    private static int skipped(List<ReplayRun.Hour> h) {
        return h.stream().mapToInt(ReplayRun.Hour::skipped).sum();
    }

    private static long cold(List<ReplayRun.Hour> h) {
        return h.stream().mapToLong(ReplayRun.Hour::coldStarts).sum();
    }

    private static long held(List<ReplayRun.Hour> h) {
        return h.stream().mapToLong(ReplayRun.Hour::heldRequests).sum();
    }

    private static double gb(List<ReplayRun.Hour> h) {
        return h.stream().mapToDouble(ReplayRun.Hour::gbSeconds).sum();
    }

    private static String ms(List<Double> samples, double q) {
        double v = Quantiles.of(samples, q);
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static double nz(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String failures(ReplayRun.Result r) {
        Map<String, Long> why = new java.util.TreeMap<>();
        r.samples().stream().filter(u -> !u.succeeded()).forEach(u -> why.merge(u.failure(), 1L, Long::sum));
        return why.isEmpty() ? "none" : why.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey().replace('|', '/'))
                .reduce((x, y) -> x + "; " + y).orElse("");
    }

    private static String pct(List<UeSample> s, java.util.function.Predicate<UeSample> p) {
        return s.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f %%", 100.0 * s.stream().filter(p).count() / s.size());
    }
}
