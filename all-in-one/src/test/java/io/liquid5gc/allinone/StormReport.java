package io.liquid5gc.allinone;

import io.liquid5gc.runner.FunctionStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cold-start storm's figures as the Serverless5GC paper's Table VII shows them (per cohort: UEs, success,
 * registration latency p50/p95/p99/max) plus the PDU session latency, and per function the cold starts and their
 * launch-to-ready times, from the runner's counts.
 */
final class StormReport {

    /** What one UE saw: registration (and its PDU session) with latencies, or why it failed. */
    record UeOutcome(boolean registered, Duration registration, boolean session, Duration sessionLatency, String failure) {
        boolean succeeded() {
            return registered && session;
        }
    }

    /** One wave of UEs arriving at once, and the runner's counts before and after it. */
    record Cohort(String name, List<UeOutcome> ues, Duration wall, List<FunctionStats> before, List<FunctionStats> after) {

        long successes() {
            return ues.stream().filter(UeOutcome::succeeded).count();
        }

        List<Duration> registrations() {
            return ues.stream().filter(UeOutcome::registered).map(UeOutcome::registration).toList();
        }

        List<Duration> sessions() {
            return ues.stream().filter(UeOutcome::session).map(UeOutcome::sessionLatency).toList();
        }

        /** Cold starts per function during this wave, with their launch-to-ready durations. */
        Map<String, List<Duration>> coldStarts() {
            Map<String, List<Duration>> by = new LinkedHashMap<>();
            for (int i = 0; i < after.size(); i++) {
                FunctionStats a = after.get(i);
                FunctionStats b = before.get(i);
                List<Duration> durations = a.coldStartDurations().subList(b.coldStartDurations().size(), a.coldStartDurations().size());
                if (!durations.isEmpty()) {
                    by.put(a.function(), durations);
                }
            }
            return by;
        }

        long coldStartCount() {
            return coldStarts().values().stream().mapToLong(List::size).sum();
        }

        /** Requests held for a cold start during this wave. */
        long heldRequests() {
            long held = 0;
            for (int i = 0; i < after.size(); i++) {
                held += after.get(i).waitedForColdStart() - before.get(i).waitedForColdStart();
            }
            return held;
        }
    }

    static Duration quantile(List<Duration> samples, double q) {
        return FunctionStats.quantile(samples, q);
    }

    static String markdown(List<Cohort> cohorts, List<FunctionStats> total, String machine) {
        StringBuilder sb = new StringBuilder("# Cold-start storm\n\n").append(machine).append("\n\n");
        sb.append("Every function a unit process behind the function runner (scale to zero on one machine; Knative or Lambda in"
                + " production). A cold cohort arrives with every unit stopped; the warm cohort right after, with the units"
                + " of the first wave still running.\n\n");
        sb.append("| cohort | UEs | success | reg p50 ms | reg p95 ms | reg p99 ms | reg max ms | PDU p50 ms | PDU p95 ms | PDU max ms |"
                + " cold starts | held requests | wave s |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Cohort c : cohorts) {
            List<Duration> r = c.registrations();
            List<Duration> s = c.sessions();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.1f |%n", c.name(),
                    c.ues().size(), 100.0 * c.successes() / Math.max(1, c.ues().size()), ms(quantile(r, 0.5)), ms(quantile(r, 0.95)),
                    ms(quantile(r, 0.99)), ms(quantile(r, 1.0)), ms(quantile(s, 0.5)), ms(quantile(s, 0.95)), ms(quantile(s, 1.0)),
                    c.coldStartCount(), c.heldRequests(), c.wall().toMillis() / 1000.0));
        }
        sb.append("\nCold starts per function over the whole run (launch to ready), requests, and requests held for a cold start:\n\n");
        sb.append("| function | cold starts | launch-to-ready median ms | max ms | requests | held | held median ms | held max ms |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Duration> every = new ArrayList<>();
        for (FunctionStats f : total) {
            if (f.requests() == 0) {
                continue;
            }
            List<Duration> d = f.coldStartDurations();
            every.addAll(d);
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |%n", f.function(), d.size(), ms(quantile(d, 0.5)),
                    ms(quantile(d, 1.0)), f.requests(), f.waitedForColdStart(), ms(quantile(f.waits(), 0.5)), ms(quantile(f.waits(), 1.0))));
        }
        Collections.sort(every);
        sb.append(String.format(Locale.ROOT, "| (all) | %d | %d | %d | | | | |%n", every.size(), ms(quantile(every, 0.5)), ms(quantile(every, 1.0))));
        List<String> failures = cohorts.stream().flatMap(c -> c.ues().stream()).filter(u -> !u.succeeded())
                .map(UeOutcome::failure).distinct().toList();
        if (!failures.isEmpty()) {
            sb.append("\nFailures: ").append(String.join("; ", failures)).append('\n');
        }
        return sb.toString();
    }

    private static long ms(Duration d) {
        return d.toMillis();
    }

    private StormReport() {
    }
}
