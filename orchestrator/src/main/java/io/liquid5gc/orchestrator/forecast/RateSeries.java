package io.liquid5gc.orchestrator.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A function's invocation history: invocations counted in consecutive intervals of {@code step} from {@code start}
 * (the metering ledger's buckets, or any sampling of the metering counters).
 */
public record RateSeries(Instant start, Duration step, double[] counts) {

    public RateSeries {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        counts = counts.clone();
        for (double c : counts) {
            if (c < 0 || Double.isNaN(c)) {
                throw new IllegalArgumentException("counts must be zero or positive");
            }
        }
    }

    public int size() {
        return counts.length;
    }

    public double at(int i) {
        return counts[i];
    }

    /** The start of interval {@code i}. */
    public Instant timeOf(int i) {
        return start.plus(step.multipliedBy(i));
    }

    /** Intervals [from, to). */
    public RateSeries slice(int from, int to) {
        return new RateSeries(timeOf(from), step, Arrays.copyOfRange(counts, from, to));
    }

    /** How many steps make {@code period} (a day, a week); the period must be a whole number of steps. */
    public int stepsIn(Duration period) {
        if (period.toMillis() % step.toMillis() != 0) {
            throw new IllegalArgumentException(period + " is not a whole number of " + step + " steps");
        }
        return (int) (period.toMillis() / step.toMillis());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateSeries r && start.equals(r.start) && step.equals(r.step) && Arrays.equals(counts, r.counts);
    }

    @Override
    public int hashCode() {
        return start.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "RateSeries[" + start + " step " + step + ", " + counts.length + " intervals]";
    }
}
