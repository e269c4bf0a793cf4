package io.liquid5gc.ransim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Results of a load run: successes, failures by cause, latency quantiles, rate; as a table or JSON. */
public final class LoadReport {

    private final List<Long> latenciesNanos = new ArrayList<>();
    private final Map<String, Integer> failures = new TreeMap<>();
    private int successes;
    private Duration wall = Duration.ZERO;

    synchronized void success(Duration latency) {
        successes++;
        latenciesNanos.add(latency.toNanos());
    }

    synchronized void failure(String cause) {
        failures.merge(cause, 1, Integer::sum);
    }

    void wall(Duration d) {
        wall = d;
    }

    public synchronized int successes() {
        return successes;
    }

    public synchronized int failures() {
        return failures.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized Map<String, Integer> failuresByCause() {
        return Map.copyOf(failures);
    }

    /** The q-quantile (0..1) of successful registrations' latency, in milliseconds (nearest rank). */
    public synchronized double quantileMillis(double q) {
        if (latenciesNanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(latenciesNanos);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    public double perSecond() {
        return wall.isZero() ? Double.NaN : successes() / (wall.toNanos() / 1e9);
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-28s %12s%n", "registrations", ""));
        sb.append(String.format(Locale.ROOT, "  %-26s %12d%n", "succeeded", successes()));
        sb.append(String.format(Locale.ROOT, "  %-26s %12d%n", "failed", failures()));
        failuresByCause().forEach((c, n) -> sb.append(String.format(Locale.ROOT, "    %-24s %12d%n", c, n)));
        sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "p50 latency (ms)", quantileMillis(0.50)));
        sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "p95 latency (ms)", quantileMillis(0.95)));
        sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "p99 latency (ms)", quantileMillis(0.99)));
        sb.append(String.format(Locale.ROOT, "  %-26s %12.1f%n", "registrations/s", perSecond()));
        sb.append(String.format(Locale.ROOT, "  %-26s %12.2f%n", "wall time (s)", wall.toMillis() / 1000.0));
        return sb.toString();
    }

    public String json() {
        StringBuilder f = new StringBuilder("{");
        failuresByCause().forEach((c, n) -> f.append(f.length() > 1 ? "," : "").append('"').append(c).append("\":").append(n));
        f.append('}');
        return String.format(Locale.ROOT,
                "{\"registrations\":{\"succeeded\":%d,\"failed\":%d,\"failuresByCause\":%s,\"latencyMs\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f},"
                        + "\"perSecond\":%.1f,\"wallSeconds\":%.3f}}",
                successes(), failures(), f, quantileMillis(0.5), quantileMillis(0.95), quantileMillis(0.99), perSecond(), wall.toMillis() / 1000.0);
    }
}
