package io.liquid5gc.evaluation.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Nearest-rank quantiles of latency samples (milliseconds). */
public final class Quantiles {

    /** The q-quantile (0 < q <= 1) by nearest rank; NaN without samples. */
    public static double of(Collection<Double> samples, double q) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
    }

    private Quantiles() {
    }
}
