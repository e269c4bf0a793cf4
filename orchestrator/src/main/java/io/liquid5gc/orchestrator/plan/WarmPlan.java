package io.liquid5gc.orchestrator.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Warm instances per function for the interval [from, to): each line says why (forecast invocations, rate, the busy
 * instances that rate makes, what the plan wanted and what the budget gave).
 */
public record WarmPlan(Instant from, Instant to, List<Line> lines) {

    public WarmPlan {
        lines = List.copyOf(lines);
    }

    /**
     * @param wanted    instances the demand asks for (rate x execution time / concurrency x headroom, rounded up, at
     *                  least 1 when min-invocations are expected), capped by max-per-function
     * @param instances instances granted within the budget
     */
    public record Line(String function, double forecastInvocations, double ratePerSecond, double busyInstances, int wanted, int instances) {
    }

    /** Function -> warm instances. */
    public Map<String, Integer> instances() {
        return lines.stream().collect(Collectors.toUnmodifiableMap(Line::function, Line::instances));
    }

    public int total() {
        return lines.stream().mapToInt(Line::instances).sum();
    }
}
