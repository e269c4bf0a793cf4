package io.liquid5gc.orchestrator.forecast;

import java.time.Duration;
import java.util.Arrays;

/**
 * Holt-Winters with two seasons (Taylor's double-seasonal exponential smoothing, J. Oper. Res. Soc. 2003), without
 * trend, additive on the logarithm of the counts ({@code z = ln(1 + count)}), that is multiplicative on the counts: the
 * forecast for an interval is
 * <pre>
 *   (1 + level) x daily factor[interval of the day] x weekly factor[interval of the week] - 1
 * </pre>
 * so it explains itself ({@link #explain}): how busy the function is lately, how much busier this time of day is, and
 * how this day of the week differs (the campus weekend). Multiplicative because traffic's noise grows with it: an
 * error at the morning peak must not move the quiet night's forecast by the same number of invocations. After each
 * observed {@code z}, with the one-step error taken from the values before the update:
 * <pre>
 *   level'  = alpha (y - daily - weekly) + (1 - alpha) level
 *   daily'  = delta (y - level' - weekly) + (1 - delta) daily
 *   weekly' = omega (y - level' - daily)  + (1 - omega) weekly
 * </pre>
 * Initialised from the whole weeks of the history (level: their mean; daily: the mean of each interval of the day over
 * all their days minus the level; weekly: the mean of what is left of each interval of the week), then run over the
 * whole history. {@link #fit} picks alpha, delta and omega on a small grid by the smallest one-step absolute
 * percentage error over the history (the error the forecast is judged by; intervals with fewer than one invocation
 * count as one). Not thread-safe: one model
 * per function, updated by one controller.
 */
public final class HoltWinters {

    /** The smoothing parameters. */
    public record Parameters(double alpha, double delta, double omega) {
        public Parameters {
            for (double p : new double[] {alpha, delta, omega}) {
                if (!(p >= 0 && p <= 1)) {
                    throw new IllegalArgumentException("smoothing parameters must be in [0, 1]: " + alpha + ", " + delta + ", " + omega);
                }
            }
        }
    }

    private static final double[] GRID = {0.02, 0.05, 0.1, 0.2, 0.3, 0.5};

    private final Parameters parameters;
    private final int daySteps;
    private final int weekSteps;
    private double level;
    private final double[] daily;
    private final double[] weekly;
    /** Index of the next interval to observe, counted from the history's start. */
    private long t;
    private double squaredError;
    private double percentageError;
    private long errors;

    private HoltWinters(Parameters parameters, int daySteps, int weekSteps, double level, double[] daily, double[] weekly) {
        this.parameters = parameters;
        this.daySteps = daySteps;
        this.weekSteps = weekSteps;
        this.level = level;
        this.daily = daily;
        this.weekly = weekly;
    }

    /** A model with these parameters, initialised on the whole weeks of {@code history} and run over all of it. */
    public static HoltWinters train(RateSeries history, Parameters parameters) {
        return train(history, history.stepsIn(Duration.ofDays(1)), history.stepsIn(Duration.ofDays(7)), parameters);
    }

    /**
     * The same with the seasons given in steps, for compressed time (a replayed "day" of 96 one-second steps):
     * {@code weekSteps} a multiple of {@code daySteps}, or equal to it for a daily season alone.
     */
    public static HoltWinters train(RateSeries history, int daySteps, int weekSteps, Parameters parameters) {
        int day = daySteps;
        int week = weekSteps;
        if (day < 2 || week < day || week % day != 0) {
            throw new IllegalArgumentException("seasons: a day of at least 2 steps, a week a multiple of it: " + day + ", " + week);
        }
        if (history.size() < week) {
            throw new IllegalArgumentException("at least one week of history is needed (" + week + " intervals of " + history.step()
                    + "), got " + history.size());
        }
        if (history.start().toEpochMilli() % history.step().toMillis() != 0) {
            throw new IllegalArgumentException("the history must start on a step boundary: " + history.start());
        }
        // seasonal indexes are positions in the UTC day/week (epoch-aligned), so any model agrees on them
        long offset = Math.floorMod(history.start().toEpochMilli() / history.step().toMillis(), (long) week);
        int weeks = history.size() / week;
        int n = weeks * week;
        double level = 0;
        for (int i = 0; i < n; i++) {
            level += Math.log1p(history.at(i));
        }
        level /= n;
        double[] daily = new double[day];
        double[] weekly = new double[week];
        for (int i = 0; i < n; i++) {
            daily[(int) ((offset + i) % day)] += (Math.log1p(history.at(i)) - level) / (7.0 * weeks);
        }
        for (int i = 0; i < n; i++) {
            weekly[(int) ((offset + i) % week)] += (Math.log1p(history.at(i)) - level - daily[(int) ((offset + i) % day)]) / weeks;
        }
        HoltWinters m = new HoltWinters(parameters, day, week, level, daily, weekly);
        m.t = offset;
        for (int i = 0; i < history.size(); i++) {
            m.observe(history.at(i));
        }
        return m;
    }

    /** The model whose parameters (on a 6 x 6 x 6 grid) make the smallest one-step percentage error over {@code history}. */
    public static HoltWinters fit(RateSeries history) {
        return fit(history, history.stepsIn(Duration.ofDays(1)), history.stepsIn(Duration.ofDays(7)));
    }

    /** The same with the seasons given in steps (compressed time); {@code weekSteps == daySteps}: a daily season alone. */
    public static HoltWinters fit(RateSeries history, int daySteps, int weekSteps) {
        HoltWinters best = null;
        for (double a : GRID) {
            for (double d : GRID) {
                for (double w : weekSteps == daySteps ? new double[] {0} : GRID) {
                    HoltWinters m = train(history, daySteps, weekSteps, new Parameters(a, d, w));
                    if (best == null || m.percentageError < best.percentageError) {
                        best = m;
                    }
                }
            }
        }
        return best;
    }

    /** Adds the count of the next interval (updates level and both seasons). */
    public void observe(double count) {
        double y = Math.log1p(Math.max(0, count));
        int di = (int) (t % daySteps);
        int wi = (int) (t % weekSteps);
        double d = daily[di];
        double w = weekly[wi];
        double error = y - (level + d + w);
        double countError = count - Math.expm1(level + d + w);
        squaredError += countError * countError;
        percentageError += Math.abs(countError) / Math.max(1, count);
        errors++;
        double newLevel = parameters.alpha() * (y - d - w) + (1 - parameters.alpha()) * level;
        daily[di] = parameters.delta() * (y - newLevel - w) + (1 - parameters.delta()) * d;
        weekly[wi] = parameters.omega() * (y - newLevel - d) + (1 - parameters.omega()) * w;
        level = newLevel;
        t++;
    }

    /** The forecast count of the interval {@code h} steps ahead (1 = the next one to be observed), never below 0. */
    public double forecast(int h) {
        if (h < 1 || h > weekSteps) {
            throw new IllegalArgumentException("horizon must be 1.." + weekSteps + ": " + h);
        }
        long i = t + h - 1;
        return Math.max(0, Math.expm1(level + daily[(int) (i % daySteps)] + weekly[(int) (i % weekSteps)]));
    }

    /** The forecasts of the next {@code n} intervals. */
    public double[] forecast(int from, int n) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = forecast(from + k);
        }
        return out;
    }

    /** What makes up the forecast {@code h} intervals ahead: the level (in invocations), the daily and the weekly factor. */
    public Explanation explain(int h) {
        long i = t + h - 1;
        return new Explanation(Math.expm1(level), Math.exp(daily[(int) (i % daySteps)]), Math.exp(weekly[(int) (i % weekSteps)]), forecast(h));
    }

    /** The parts of one forecast: {@code forecast = (1 + level) x dailyFactor x weeklyFactor - 1} (not below 0). */
    public record Explanation(double level, double dailyFactor, double weeklyFactor, double forecast) {
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Root mean squared one-step error (in invocations) over everything observed. */
    public double rmse() {
        return errors == 0 ? 0 : Math.sqrt(squaredError / errors);
    }

    @Override
    public String toString() {
        return "HoltWinters[" + parameters + ", level " + level + ", daily " + Arrays.stream(daily).summaryStatistics() + "]";
    }
}
