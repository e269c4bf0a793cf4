package io.liquid5gc.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the runner counted for one function, at one moment.
 *
 * @param function           the function's name
 * @param state              its unit's state now
 * @param coldStarts         processes started that became ready
 * @param startFailures      processes that did not become ready
 * @param stops              processes stopped after the idle time (scale to zero)
 * @param requests           requests received
 * @param refused            requests answered by the runner with 503 (queue full, start failed, closing)
 * @param waitedForColdStart requests held while the unit started
 * @param inFlight           requests forwarded and not answered yet, now
 * @param waiting            requests held for the cold start in progress, now
 * @param coldStartDurations launch to ready, one per cold start, in order
 * @param waits              how long each held request was held, in order
 * @param prestarts          processes started by a pre-start (a plan), not by a request; counted in coldStarts too
 * @param requestStarts      processes launched because a request found the unit at zero, counted when launched (the
 *                           cold starts a caller pays for; coldStarts counts readiness, pre-starts included)
 */
public record FunctionStats(String function, UnitState state, long coldStarts, long startFailures, long stops, long requests,
                            long refused, long waitedForColdStart, int inFlight, int waiting, List<Duration> coldStartDurations,
                            List<Duration> waits, long prestarts, long requestStarts) {

    public FunctionStats {
        coldStartDurations = List.copyOf(coldStartDurations);
        waits = List.copyOf(waits);
    }

    /** Without request-triggered launches counted apart. */
    public FunctionStats(String function, UnitState state, long coldStarts, long startFailures, long stops, long requests,
                         long refused, long waitedForColdStart, int inFlight, int waiting, List<Duration> coldStartDurations,
                         List<Duration> waits, long prestarts) {
        this(function, state, coldStarts, startFailures, stops, requests, refused, waitedForColdStart, inFlight, waiting,
                coldStartDurations, waits, prestarts, 0);
    }

    /** Without pre-starts (as before they existed). */
    public FunctionStats(String function, UnitState state, long coldStarts, long startFailures, long stops, long requests,
                         long refused, long waitedForColdStart, int inFlight, int waiting, List<Duration> coldStartDurations,
                         List<Duration> waits) {
        this(function, state, coldStarts, startFailures, stops, requests, refused, waitedForColdStart, inFlight, waiting,
                coldStartDurations, waits, 0, 0);
    }

    /** The q-quantile (0..1, nearest rank) of {@code samples}; zero when there are none. */
    public static Duration quantile(List<Duration> samples, double q) {
        if (samples.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    public Duration coldStartMedian() {
        return quantile(coldStartDurations, 0.5);
    }

    public Duration coldStartMax() {
        return quantile(coldStartDurations, 1.0);
    }
}
