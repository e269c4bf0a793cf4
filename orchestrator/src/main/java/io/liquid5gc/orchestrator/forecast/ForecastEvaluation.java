package io.liquid5gc.orchestrator.forecast;

/**
 * How well a forecaster does on history it was not fitted on: fitted ({@link HoltWinters#fit}) on the first part, then
 * over the held-out part one forecast {@code horizon} intervals ahead for each interval, the model updated with each
 * actual count as the controller would be. The error is MAPE (mean absolute percentage error) over the held-out
 * intervals with a count of at least {@code minCount} (a percentage of nothing is meaningless), and, for comparison,
 * the MAPE of the seasonal naive forecast (the same interval one week earlier).
 */
public record ForecastEvaluation(HoltWinters.Parameters parameters, int heldOut, int scored, double mape, double naiveWeeklyMape,
                                 double[] forecasts) {

    public static ForecastEvaluation of(RateSeries series, int trainingIntervals, int horizon, double minCount) {
        return of(series, trainingIntervals, horizon, minCount, series.stepsIn(java.time.Duration.ofDays(1)),
                series.stepsIn(java.time.Duration.ofDays(7)));
    }

    /** The same with the seasons in steps (compressed time, {@link HoltWinters#fit(RateSeries, int, int)}). */
    public static ForecastEvaluation of(RateSeries series, int trainingIntervals, int horizon, double minCount, int daySteps, int weekSteps) {
        if (trainingIntervals >= series.size()) {
            throw new IllegalArgumentException("nothing held out: " + trainingIntervals + " of " + series.size() + " intervals are for training");
        }
        int week = weekSteps;
        HoltWinters model = HoltWinters.fit(series.slice(0, trainingIntervals - horizon + 1), daySteps, weekSteps);
        // interval i is forecast from what was observed up to i - horizon
        int heldOut = series.size() - trainingIntervals;
        double[] forecasts = new double[heldOut];
        double sum = 0;
        double naiveSum = 0;
        int scored = 0;
        for (int k = 0; k < heldOut; k++) {
            int i = trainingIntervals + k;
            forecasts[k] = model.forecast(horizon);
            double actual = series.at(i);
            if (actual >= minCount && actual > 0) {
                sum += Math.abs(forecasts[k] - actual) / actual;
                naiveSum += i >= week ? Math.abs(series.at(i - week) - actual) / actual : 0;
                scored++;
            }
            model.observe(series.at(i - horizon + 1));
        }
        return new ForecastEvaluation(model.parameters(), heldOut, scored, scored == 0 ? Double.NaN : sum / scored,
                scored == 0 ? Double.NaN : naiveSum / scored, forecasts);
    }
}
