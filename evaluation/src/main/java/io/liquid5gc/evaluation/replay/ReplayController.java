package io.liquid5gc.evaluation.replay;

import io.liquid5gc.orchestrator.forecast.HoltWinters;
import io.liquid5gc.orchestrator.forecast.RateSeries;
import io.liquid5gc.orchestrator.plan.Demand;
import io.liquid5gc.orchestrator.plan.PlanSettings;
import io.liquid5gc.orchestrator.plan.WarmPlan;
import io.liquid5gc.orchestrator.plan.WarmPlanner;
import io.liquid5gc.orchestrator.prewarm.Scaler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The orchestrator's pre-warming loop (its PrewarmController) in compressed time: a Holt-Winters model with a daily
 * season ({@link HoltWinters#fit(RateSeries, int, int)}, seasons in steps) fitted once on the history of the days
 * before, then once per step ({@link #tick}): the arrivals of the step just ended observed (the past only), the largest
 * forecast over the current step and the ones starting within the lead, each function's demand (that forecast times
 * the function's invocations per arrival), the {@link WarmPlanner}'s plan within the budget, and the {@link Scaler}
 * told (the orchestrator's RunnerScaler: {@code POST /runner/prestart/<function>} on the runner).
 */
final class ReplayController {

    /** One tick: the step, the arrivals forecast for the window, and the functions set warm. */
    record Decision(int step, double forecastArrivals, int warmFunctions, int warmInstances) {
    }

    private final HoltWinters model;
    private final Map<String, Double> invocationsPerArrival;
    private final double meanExecutionSeconds;
    private final WarmPlanner planner;
    private final Scaler scaler;
    private final int window;
    private final long stepMillis;
    private final List<Decision> decisions = new ArrayList<>();

    /**
     * @param leadSteps steps ahead of the current one to warm for
     */
    ReplayController(RateSeries history, int daySteps, Map<String, Double> invocationsPerArrival, double meanExecutionSeconds,
                     PlanSettings plan, Scaler scaler, int leadSteps) {
        this.model = HoltWinters.fit(history, daySteps, daySteps);
        this.invocationsPerArrival = Map.copyOf(invocationsPerArrival);
        this.meanExecutionSeconds = meanExecutionSeconds;
        this.planner = new WarmPlanner(plan);
        this.scaler = scaler;
        this.window = 1 + leadSteps;
        this.stepMillis = history.step().toMillis();
    }

    HoltWinters model() {
        return model;
    }

    /** The largest forecast arrivals over the current step and the lead after it. */
    double forecastWindow() {
        double peak = 0;
        for (int k = 1; k <= window; k++) {
            peak = Math.max(peak, model.forecast(k));
        }
        return peak;
    }

    /** In step {@code step} of the replay (every step before it observed): plans it and the lead after, and sets the scaler. */
    Decision tick(int step) {
        double peak = forecastWindow();
        List<Demand> demands = new ArrayList<>();
        invocationsPerArrival.forEach((f, perArrival) -> demands.add(new Demand(f, peak * perArrival, meanExecutionSeconds)));
        WarmPlan plan = planner.plan(Instant.ofEpochMilli(step * stepMillis), java.time.Duration.ofMillis(stepMillis), demands);
        Map<String, Integer> applied = scaler.apply(plan.instances());
        Decision d = new Decision(step, peak, (int) applied.values().stream().filter(n -> n > 0).count(), plan.total());
        synchronized (decisions) {
            decisions.add(d);
        }
        return d;
    }

    /** The step just ended brought {@code arrivals}. */
    void observe(double arrivals) {
        model.observe(arrivals);
    }

    List<Decision> decisions() {
        synchronized (decisions) {
            return List.copyOf(decisions);
        }
    }
}
