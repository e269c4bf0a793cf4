package io.liquid5gc.orchestrator.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns each function's demand for the next interval into warm instances: the busy instances are rate x mean execution
 * time / concurrency (Little's law), times the headroom, rounded up, at least one when the interval is expected to
 * bring {@code min-invocations}, none when it is expected to bring fewer. Within the budget, first every function that wants one gets one (busiest first: the
 * cold starts avoided for the most callers), then each further instance goes to the function with the most wanted and
 * not yet granted (ties: the busier, then by name), so the plan is deterministic and easy to follow.
 */
public final class WarmPlanner {

    private final PlanSettings settings;

    public WarmPlanner(PlanSettings settings) {
        this.settings = settings;
    }

    public WarmPlan plan(Instant from, Duration interval, List<Demand> demands) {
        double seconds = interval.toMillis() / 1000.0;
        List<WarmPlan.Line> wanted = new ArrayList<>();
        for (Demand d : demands) {
            double rate = d.forecastInvocations() / seconds;
            double busy = rate * d.meanExecutionSeconds() / settings.concurrency();
            int want = d.forecastInvocations() < settings.minInvocations() ? 0
                    : Math.max(1, (int) Math.ceil(busy * settings.headroom() - 1e-9));
            want = Math.min(want, settings.maxPerFunction());
            wanted.add(new WarmPlan.Line(d.function(), d.forecastInvocations(), rate, busy, want, 0));
        }
        int[] granted = new int[wanted.size()];
        int left = settings.budget();
        List<Integer> byRate = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            byRate.add(i);
        }
        Comparator<Integer> busier = Comparator.comparingDouble((Integer i) -> -wanted.get(i).ratePerSecond())
                .thenComparing(i -> wanted.get(i).function());
        byRate.sort(busier);
        for (int i : byRate) {
            if (left > 0 && wanted.get(i).wanted() > 0) {
                granted[i] = 1;
                left--;
            }
        }
        while (left > 0) {
            int best = -1;
            for (int i : byRate) {
                int unmet = wanted.get(i).wanted() - granted[i];
                if (unmet > 0 && (best < 0 || unmet > wanted.get(best).wanted() - granted[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            granted[best]++;
            left--;
        }
        List<WarmPlan.Line> lines = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            WarmPlan.Line w = wanted.get(i);
            lines.add(new WarmPlan.Line(w.function(), w.forecastInvocations(), w.ratePerSecond(), w.busyInstances(), w.wanted(), granted[i]));
        }
        lines.sort(Comparator.comparing(WarmPlan.Line::function));
        return new WarmPlan(from, from.plus(interval), lines);
    }
}
