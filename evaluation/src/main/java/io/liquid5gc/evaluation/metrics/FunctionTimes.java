package io.liquid5gc.evaluation.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Function invocations and their execution time from every process's {@code /actuator/prometheus}: the
 * {@code liquid5gc_function_invocations_seconds} timer (function-runtime FunctionDispatcher, every invocation of a
 * function deployed in the process, nested calls included in the caller's time), successful outcomes only. A snapshot
 * is per process URL, so the difference of two counts a process that started in between from zero.
 */
public final class FunctionTimes {

    private static final Pattern LINE = Pattern.compile("^liquid5gc_function_invocations_seconds_(count|sum)\\{([^}]*)} ([0-9.eE+-]+)$");
    private static final Pattern FUNCTION = Pattern.compile("function=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Invocations and total seconds of one function. */
    public record Totals(double count, double seconds) {
        public double meanMillis() {
            return count > 0 ? seconds / count * 1e3 : 0;
        }
    }

    /** process URL, then function, then totals. */
    public record Snapshot(Map<String, Map<String, Totals>> byProcess) {
    }

    /** Scrapes every URL; a process that does not answer (stopping) is left out. */
    public static Snapshot scrape(Collection<String> urls) {
        Map<String, Map<String, Totals>> all = new HashMap<>();
        for (String url : urls) {
            if (url.isEmpty()) {
                continue;
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    all.put(url, parse(r.body()));
                }
            } catch (Exception gone) {
                // a unit stopping as it was asked
            }
        }
        return new Snapshot(all);
    }

    static Map<String, Totals> parse(String prometheus) {
        Map<String, double[]> cs = new TreeMap<>();
        for (String l : prometheus.split("\n")) {
            Matcher m = LINE.matcher(l.trim());
            if (m.matches() && m.group(2).contains("outcome=\"success\"")) {
                Matcher f = FUNCTION.matcher(m.group(2));
                if (f.find()) {
                    double[] v = cs.computeIfAbsent(f.group(1), k -> new double[2]);
                    v[m.group(1).equals("count") ? 0 : 1] += Double.parseDouble(m.group(3));
                }
            }
        }
        Map<String, Totals> out = new TreeMap<>();
        cs.forEach((k, v) -> out.put(k, new Totals(v[0], v[1])));
        return out;
    }

    /** Per function, what happened between two snapshots (summed over processes). */
    public static Map<String, Totals> difference(Snapshot before, Snapshot after) {
        Map<String, double[]> d = new TreeMap<>();
        after.byProcess().forEach((url, fns) -> {
            Map<String, Totals> b = before.byProcess().getOrDefault(url, Map.of());
            fns.forEach((fn, t) -> {
                Totals was = b.getOrDefault(fn, new Totals(0, 0));
                double[] v = d.computeIfAbsent(fn, k -> new double[2]);
                v[0] += Math.max(0, t.count() - was.count());
                v[1] += Math.max(0, t.seconds() - was.seconds());
            });
        });
        Map<String, Totals> out = new TreeMap<>();
        d.forEach((k, v) -> {
            if (v[0] > 0) {
                out.put(k, new Totals(v[0], v[1]));
            }
        });
        return out;
    }

    private FunctionTimes() {
    }
}
