package io.liquid5gc.runner;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The runner's counts as JSON ({@code GET /runner/stats}) and as a table (printed when it closes). */
public final class StatsReport {

    private StatsReport() {
    }

    public static String json(List<FunctionStats> stats, int liveProcesses) {
        StringBuilder sb = new StringBuilder("{\"liveProcesses\":").append(liveProcesses).append(",\"functions\":{");
        for (int i = 0; i < stats.size(); i++) {
            FunctionStats s = stats.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Json.quote(s.function())).append(":{\"state\":").append(Json.quote(s.state().name()))
                    .append(",\"coldStarts\":").append(s.coldStarts())
                    .append(",\"prestarts\":").append(s.prestarts())
                    .append(",\"requestStarts\":").append(s.requestStarts())
                    .append(",\"startFailures\":").append(s.startFailures())
                    .append(",\"stops\":").append(s.stops())
                    .append(",\"requests\":").append(s.requests())
                    .append(",\"refused\":").append(s.refused())
                    .append(",\"waitedForColdStart\":").append(s.waitedForColdStart())
                    .append(",\"inFlight\":").append(s.inFlight())
                    .append(",\"waiting\":").append(s.waiting())
                    .append(",\"coldStartMs\":").append(millis(s.coldStartDurations()))
                    .append(",\"waitMs\":").append(millis(s.waits()))
                    .append('}');
        }
        return sb.append("}}").toString();
    }

    private static String millis(List<Duration> samples) {
        return String.format(Locale.ROOT, "{\"count\":%d,\"p50\":%d,\"p95\":%d,\"max\":%d}", samples.size(),
                FunctionStats.quantile(samples, 0.5).toMillis(), FunctionStats.quantile(samples, 0.95).toMillis(),
                FunctionStats.quantile(samples, 1.0).toMillis());
    }

    /** One line per function that was asked for at least once. */
    public static String table(List<FunctionStats> stats) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-34s %8s %11s %12s %12s %8s %7s %9s %8s%n",
                "function", "requests", "cold starts", "ready p50 ms", "ready max ms", "held", "stops", "failures", "refused"));
        for (FunctionStats s : stats) {
            if (s.requests() == 0) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-34s %8d %11d %12d %12d %8d %7d %9d %8d%n", s.function(), s.requests(),
                    s.coldStarts(), s.coldStartMedian().toMillis(), s.coldStartMax().toMillis(), s.waitedForColdStart(),
                    s.stops(), s.startFailures(), s.refused()));
        }
        return sb.toString();
    }
}
