package io.liquid5gc.evaluation.replay;

import io.liquid5gc.orchestrator.forecast.RateSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A day of a {@link DayProfile} in compressed time: each hour of the day lasts {@code hour} (10 s: a day in 4 minutes),
 * the profile's peak is {@code peakRate} registrations per second of compressed time, and the replay covers the hours
 * [{@code fromHour}, {@code toHour}). A day's arrivals come from a seed: per hour, the profile's expected count with
 * multiplicative Gaussian noise ({@code noise}, 0.15 = 15 %), rounded, spread evenly over the hour with a random phase;
 * so one seed is one day, replayed identically with and without pre-warming, and other seeds are the days before it
 * (the forecaster's history, never the evaluated day).
 *
 * @param stepsPerHour the forecast intervals per compressed hour (4: a quarter of an hour)
 */
public record Timeline(DayProfile profile, Duration hour, double peakRate, int fromHour, int toHour, double noise, int stepsPerHour) {

    public Timeline {
        if (hour.toMillis() < 100) {
            throw new IllegalArgumentException("a compressed hour of at least 100 ms: " + hour);
        }
        if (!(peakRate > 0)) {
            throw new IllegalArgumentException("the peak rate must be positive: " + peakRate);
        }
        if (fromHour < 0 || toHour > DayProfile.HOURS || fromHour >= toHour) {
            throw new IllegalArgumentException("hours must be 0 <= from < to <= 24: " + fromHour + "-" + toHour);
        }
        if (noise < 0 || noise > 1) {
            throw new IllegalArgumentException("noise must be in [0, 1]: " + noise);
        }
        if (stepsPerHour < 1 || hour.toMillis() % stepsPerHour != 0) {
            throw new IllegalArgumentException("steps per hour must divide the compressed hour (" + hour.toMillis() + " ms): " + stepsPerHour);
        }
    }

    /** The forecast interval. */
    public Duration step() {
        return hour.dividedBy(stepsPerHour);
    }

    /** Steps in one whole day (the forecaster's season). */
    public int daySteps() {
        return DayProfile.HOURS * stepsPerHour;
    }

    /** The replay's length. */
    public Duration length() {
        return hour.multipliedBy(toHour - fromHour);
    }

    /** The hour of the day a moment of the replay falls in (millis from the replay's start). */
    public int hourAt(long millis) {
        return Math.min(toHour - 1, fromHour + (int) (millis / hour.toMillis()));
    }

    /** The expected (noise-free) arrivals of one compressed hour of the day. */
    public double expectedArrivals(int hourOfDay) {
        return profile.relativeRate(hourOfDay) * peakRate * hour.toMillis() / 1000.0;
    }

    /** The arrivals of one hour of the day of {@code seed}: how many (noisy, rounded), never negative. */
    static int arrivalsIn(int hourOfDay, double expected, double noise, Random random) {
        double n = expected * (1 + noise * random.nextGaussian());
        return (int) Math.max(0, Math.round(n));
    }

    /**
     * The day of {@code seed}: every arrival's time in millis from the start of hour 0 of the day, in order (all 24
     * hours, so a day's history and its replayed window agree).
     */
    public long[] day(long seed) {
        Random random = new Random(seed);
        long h = hour.toMillis();
        List<Long> out = new ArrayList<>();
        for (int hourOfDay = 0; hourOfDay < DayProfile.HOURS; hourOfDay++) {
            int n = arrivalsIn(hourOfDay, expectedArrivals(hourOfDay), noise, random);
            double phase = random.nextDouble();
            for (int i = 0; i < n; i++) {
                out.add(hourOfDay * h + (long) ((i + phase) * h / n));
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** The arrivals of the day of {@code seed} within the replayed hours, in millis from the replay's start. */
    public long[] replayed(long seed) {
        long from = fromHour * hour.toMillis();
        long to = toHour * hour.toMillis();
        return java.util.Arrays.stream(day(seed)).filter(t -> t >= from && t < to).map(t -> t - from).toArray();
    }

    /** Arrivals per forecast step of a day ({@link #day}), {@link #daySteps} values. */
    public double[] perStep(long[] dayArrivals) {
        double[] counts = new double[daySteps()];
        long step = step().toMillis();
        for (long t : dayArrivals) {
            counts[(int) Math.min(counts.length - 1, t / step)]++;
        }
        return counts;
    }

    /**
     * The forecaster's history: {@code days} whole days (seeds {@code seed + 1 ...}, never the evaluated day's
     * {@code seed}), then the hours of one more day (seed {@code seed + days + 1}) before {@code fromHour}, so the series
     * ends where the replay starts; arrivals per step from the epoch (the models' seasons are epoch-aligned: step 0 is
     * hour 0 of a day).
     */
    public RateSeries history(long seed, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("at least one day of history: " + days);
        }
        int n = days * daySteps() + fromHour * stepsPerHour;
        double[] counts = new double[n];
        for (int d = 0; d <= days; d++) {
            double[] day = perStep(day(seed + d + 1));
            int len = Math.min(day.length, n - d * daySteps());
            System.arraycopy(day, 0, counts, d * daySteps(), len);
        }
        return new RateSeries(Instant.EPOCH, step(), counts);
    }
}
