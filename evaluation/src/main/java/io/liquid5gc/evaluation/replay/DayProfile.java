package io.liquid5gc.evaluation.replay;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A day's traffic shape: per hour of the day the registration arrival rate as a fraction of the peak, and the phase of
 * the day the hour belongs to (the report's grouping). {@link #CAMPUS}: a quiet night (no arrivals 23:00-05:00), the
 * morning surge (06:00-09:59, peak at 08:00), the late morning, the lunch dip (12:00-13:59), the afternoon and the
 * evening decline.
 */
public enum DayProfile {
    CAMPUS("campus",
            new double[] {0, 0, 0, 0, 0, 0.03, 0.2, 0.65, 1.0, 0.8, 0.6, 0.55, 0.25, 0.3, 0.6, 0.6, 0.5, 0.4, 0.3, 0.2, 0.12, 0.06, 0.02, 0},
            new Phase[] {Phase.NIGHT, Phase.NIGHT, Phase.NIGHT, Phase.NIGHT, Phase.NIGHT, Phase.NIGHT,
                    Phase.SURGE, Phase.SURGE, Phase.SURGE, Phase.SURGE, Phase.MORNING, Phase.MORNING, Phase.LUNCH, Phase.LUNCH,
                    Phase.AFTERNOON, Phase.AFTERNOON, Phase.AFTERNOON, Phase.EVENING, Phase.EVENING, Phase.EVENING, Phase.EVENING,
                    Phase.EVENING, Phase.NIGHT, Phase.NIGHT});

    /** The parts of a day the report sums over. */
    public enum Phase {
        NIGHT("quiet night"), SURGE("morning surge"), MORNING("late morning"), LUNCH("lunch dip"), AFTERNOON("afternoon"),
        EVENING("evening decline");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final int HOURS = 24;

    private final String id;
    private final double[] rates;
    private final Phase[] phases;

    DayProfile(String id, double[] rates, Phase[] phases) {
        if (rates.length != HOURS || phases.length != HOURS) {
            throw new IllegalArgumentException(id + ": 24 hourly rates and phases");
        }
        this.id = id;
        this.rates = rates;
        this.phases = phases;
    }

    public String id() {
        return id;
    }

    /** The arrival rate of {@code hour} (0..23) as a fraction of the peak (0..1). */
    public double relativeRate(int hour) {
        return rates[hour];
    }

    public Phase phase(int hour) {
        return phases[hour];
    }

    /** The busiest hour (the first of equals). */
    public int peakHour() {
        int best = 0;
        for (int h = 1; h < HOURS; h++) {
            if (rates[h] > rates[best]) {
                best = h;
            }
        }
        return best;
    }

    /** The hours of a phase, in order. */
    public List<Integer> hoursOf(Phase phase) {
        return java.util.stream.IntStream.range(0, HOURS).filter(h -> phases[h] == phase).boxed().toList();
    }

    public static DayProfile of(String id) {
        for (DayProfile p : values()) {
            if (p.id.equals(id.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown day profile '" + id + "'; known: "
                + Arrays.stream(values()).map(DayProfile::id).collect(Collectors.joining(", ")));
    }
}
