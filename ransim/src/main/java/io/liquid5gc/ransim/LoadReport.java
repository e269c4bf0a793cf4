package io.liquid5gc.ransim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results of a load run: registrations and PDU session establishments, each with successes, failures by cause and
 * latency quantiles; the registration rate; as a table or JSON.
 */
public final class LoadReport {

    /** One kind of procedure's outcomes. */
    static final class Series {
        private final List<Long> latenciesNanos = new ArrayList<>();
        private final Map<String, Integer> failures = new TreeMap<>();
        private int successes;

        synchronized void success(Duration latency) {
            successes++;
            latenciesNanos.add(latency.toNanos());
        }

        synchronized void failure(String cause) {
            failures.merge(cause, 1, Integer::sum);
        }

        synchronized int successes() {
            return successes;
        }

        synchronized int failures() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized Map<String, Integer> failuresByCause() {
            return Map.copyOf(failures);
        }

        /** The q-quantile (0..1) of the successes' latency, in milliseconds (nearest rank). */
        synchronized double quantileMillis(double q) {
            if (latenciesNanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(latenciesNanos);
            Collections.sort(sorted);
            int rank = (int) Math.ceil(q * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
        }

        void table(StringBuilder sb, String title) {
            sb.append(String.format(Locale.ROOT, "%-28s %12s%n", title, ""));
            sb.append(String.format(Locale.ROOT, "  %-26s %12d%n", "succeeded", successes()));
            sb.append(String.format(Locale.ROOT, "  %-26s %12d%n", "failed", failures()));
            failuresByCause().forEach((c, n) -> sb.append(String.format(Locale.ROOT, "    %-24s %12d%n", c, n)));
            sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "p50 latency (ms)", quantileMillis(0.50)));
            sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "p95 latency (ms)", quantileMillis(0.95)));
            sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "p99 latency (ms)", quantileMillis(0.99)));
        }

        String json() {
            StringBuilder f = new StringBuilder("{");
            failuresByCause().forEach((c, n) -> f.append(f.length() > 1 ? "," : "").append('"').append(c).append("\":").append(n));
            f.append('}');
            return String.format(Locale.ROOT, "{\"succeeded\":%d,\"failed\":%d,\"failuresByCause\":%s,\"latencyMs\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f}}",
                    successes(), failures(), f, quantileMillis(0.5), quantileMillis(0.95), quantileMillis(0.99));
        }
    }

    private final Series registrations = new Series();
    private final Series sessions = new Series();
    private final Series other = new Series();
    /** Echo replies through the UPF (success: the round-trip time) and lost echo requests ({@code --traffic ping}). */
    private final Series pings = new Series();
    private Duration wall = Duration.ZERO;

    void success(Duration latency) {
        registrations.success(latency);
    }

    void failure(String cause) {
        registrations.failure(cause);
    }

    void sessionSuccess(Duration latency) {
        sessions.success(latency);
    }

    void sessionFailure(String cause) {
        sessions.failure(cause);
    }

    /** A later step of a scenario (release to idle, service request, de-registration) that failed. */
    void stepFailure(String step) {
        other.failure(step);
    }

    void stepSuccess() {
        other.success(Duration.ZERO);
    }

    void pings(UserPlanePing.Result r) {
        r.rtts().forEach(pings::success);
        for (int i = r.received(); i < r.sent(); i++) {
            pings.failure("lost");
        }
    }

    /** Echo replies received through the UPF. */
    public int pingReplies() {
        return pings.successes();
    }

    /** Echo requests without a reply. */
    public int pingsLost() {
        return pings.failures();
    }

    /** The q-quantile of the ping round-trip times, in milliseconds. */
    public double pingQuantileMillis(double q) {
        return pings.quantileMillis(q);
    }

    void wall(Duration d) {
        wall = d;
    }

    public int successes() {
        return registrations.successes();
    }

    /** Failures of any kind: registrations, PDU sessions and the later steps. */
    public int failures() {
        return registrations.failures() + sessions.failures() + other.failures();
    }

    public Map<String, Integer> failuresByCause() {
        return registrations.failuresByCause();
    }

    public int sessionSuccesses() {
        return sessions.successes();
    }

    /** The q-quantile of successful registrations' latency, in milliseconds. */
    public double quantileMillis(double q) {
        return registrations.quantileMillis(q);
    }

    public double sessionQuantileMillis(double q) {
        return sessions.quantileMillis(q);
    }

    public double perSecond() {
        return wall.isZero() ? Double.NaN : successes() / (wall.toNanos() / 1e9);
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        registrations.table(sb, "registrations");
        sb.append(String.format(Locale.ROOT, "  %-26s %12.1f%n", "registrations/s", perSecond()));
        if (sessions.successes() + sessions.failures() > 0) {
            sessions.table(sb, "PDU sessions");
        }
        if (pings.successes() + pings.failures() > 0) {
            pings.table(sb, "pings through the UPF (RTT)");
        }
        if (other.successes() + other.failures() > 0) {
            sb.append(String.format(Locale.ROOT, "%-28s %12s%n", "later steps", ""));
            sb.append(String.format(Locale.ROOT, "  %-26s %12d%n", "succeeded", other.successes()));
            other.failuresByCause().forEach((c, n) -> sb.append(String.format(Locale.ROOT, "    %-24s %12d%n", c, n)));
        }
        sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "wall time (s)", wall.toMillis() / 1000.0));
        return sb.toString();
    }

    public String json() {
        return String.format(Locale.ROOT, "{\"registrations\":%s,\"pduSessions\":%s,\"pings\":%s,\"laterSteps\":%s,\"registrationsPerSecond\":%.1f,\"wallSeconds\":%.3f}",
                registrations.json(), sessions.json(), pings.json(), other.json(), perSecond(), wall.toMillis() / 1000.0);
    }
}
