package io.liquid5gc.orchestrator.prewarm;

import io.liquid5gc.orchestrator.forecast.RateSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The history from the core's metering ledger: {@code GET /metering/usage?by=function&period=<step>&format=csv} (an
 * operator API: the operator's bearer token), every tenant summed per function and interval, intervals without a line
 * counted as 0; the mean execution time is the function's execution seconds over its invocations in the lookback.
 */
public final class LedgerHistorySource implements HistorySource {

    private final URI core;
    private final Supplier<String> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LedgerHistorySource(URI core, Supplier<String> token) {
        this.core = core;
        this.token = token;
    }

    @Override
    public List<FunctionHistory> history(Instant to, Duration lookback, Duration step) {
        Instant from = to.minus(lookback);
        String base = core.toString().endsWith("/") ? core.toString().substring(0, core.toString().length() - 1) : core.toString();
        URI uri = URI.create(base + "/metering/usage?by=function&format=csv&period=" + step + "&from=" + from + "&to=" + to);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1)).GET();
        String t = token.get();
        if (t != null && !t.isBlank()) {
            request.header("Authorization", "Bearer " + t);
        }
        HttpResponse<String> r;
        try {
            r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the metering ledger at " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the metering ledger at " + uri + " answered " + r.statusCode() + ": " + r.body());
        }
        return parse(r.body(), from, to, step);
    }

    /** The CSV of the billing report (by function) as histories over [from, to). */
    static List<FunctionHistory> parse(String csv, Instant from, Instant to, Duration step) {
        int n = (int) (Duration.between(from, to).toMillis() / step.toMillis());
        Map<String, double[]> counts = new TreeMap<>();
        Map<String, double[]> totals = new HashMap<>();
        String[] lines = csv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            if (f.length < 8) {
                continue;
            }
            Instant start = Instant.parse(f[0]);
            int index = (int) (Duration.between(from, start).toMillis() / step.toMillis());
            if (index < 0 || index >= n) {
                continue;
            }
            long invocations = Long.parseLong(f[5]);
            counts.computeIfAbsent(f[3], k -> new double[n])[index] += invocations;
            double[] t = totals.computeIfAbsent(f[3], k -> new double[2]);
            t[0] += invocations;
            t[1] += Double.parseDouble(f[6]);
        }
        List<FunctionHistory> out = new ArrayList<>();
        counts.forEach((function, c) -> {
            double[] t = totals.get(function);
            out.add(new FunctionHistory(function, new RateSeries(from, step, c), t[0] == 0 ? 0 : t[1] / t[0]));
        });
        return out;
    }
}
