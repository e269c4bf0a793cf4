package io.liquid5gc.orchestrator.prewarm;

import io.liquid5gc.orchestrator.forecast.ForecastEvaluation;
import io.liquid5gc.orchestrator.forecast.HoltWinters;
import io.liquid5gc.orchestrator.plan.Demand;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import io.liquid5gc.orchestrator.plan.WarmPlan;
import io.liquid5gc.orchestrator.plan.WarmPlanner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Acts on the forecast, once per {@code step} ({@link #tick}): each function's history up to the current interval,
 * a Holt-Winters model fitted on it, the largest forecast over the current interval and the ones starting within
 * {@code lead} (the time a cold instance needs to be ready, and some), the warm plan for that demand within the budget,
 * and the scaler told. So warm instances go up one lead before a predicted surge and down once no interval within the
 * lead expects it. Each tick also reports how well the model forecast the last day of the history it was not fitted on
 * (MAPE, one step ahead), when there are eight days of it.
 */
public final class PrewarmController {

    /**
     * @param step     the forecast interval, the metering ledger's bucket or a multiple of it, dividing a day
     * @param lead     how far ahead to warm
     * @param lookback how much history to fit on (at least a week; two or more make the weekly season)
     */
    public record Settings(Duration step, Duration lead, Duration lookback, PlanSettings plan) {
        public Settings {
            if (step.toSeconds() < 1 || Duration.ofDays(1).toSeconds() % step.toSeconds() != 0 || lead.isNegative()
                    || lookback.compareTo(Duration.ofDays(7)) < 0) {
                throw new IllegalArgumentException("prewarm: step must divide a day, lead >= 0, lookback >= 7 days: " + step + ", " + lead + ", " + lookback);
            }
        }
    }

    /** What one tick decided. */
    public record Decision(Instant at, WarmPlan plan, Map<String, Integer> applied, Map<String, Double> heldOutDayMape, List<String> skipped) {
    }

    private final HistorySource source;
    private final Scaler scaler;
    private final Settings settings;
    private final Clock clock;
    private final WarmPlanner planner;
    private volatile Decision last;

    public PrewarmController(HistorySource source, Scaler scaler, Settings settings, Clock clock) {
        this.source = source;
        this.scaler = scaler;
        this.settings = settings;
        this.clock = clock;
        this.planner = new WarmPlanner(settings.plan());
    }

    /** Plans the interval now running and the lead after it, and sets the scaler. */
    public Decision tick() {
        Instant now = clock.instant();
        long stepMs = settings.step().toMillis();
        Instant current = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), stepMs) * stepMs);
        int window = 1 + (int) Math.ceil(settings.lead().toMillis() / (double) stepMs);
        List<Demand> demands = new ArrayList<>();
        Map<String, Double> mape = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (FunctionHistory h : source.history(current, settings.lookback(), settings.step())) {
            if (h.invocations().size() < h.invocations().stepsIn(Duration.ofDays(7))) {
                skipped.add(h.function() + ": less than a week of history");
                continue;
            }
            HoltWinters model = HoltWinters.fit(h.invocations());
            double peak = 0;
            for (int k = 1; k <= window; k++) {
                peak = Math.max(peak, model.forecast(k));
            }
            demands.add(new Demand(h.function(), peak, h.meanExecutionSeconds()));
            int day = h.invocations().stepsIn(Duration.ofDays(1));
            if (h.invocations().size() >= 8 * day) {
                mape.put(h.function(), ForecastEvaluation.of(h.invocations(), h.invocations().size() - day, 1, 1).mape());
            }
        }
        WarmPlan plan = planner.plan(current, settings.step(), demands);
        Map<String, Integer> applied = scaler.apply(plan.instances());
        Decision d = new Decision(now, plan, applied, mape, skipped);
        last = d;
        return d;
    }

    /** The last tick's decision, null before the first. */
    public Decision last() {
        return last;
    }

    public Settings settings() {
        return settings;
    }
}
