package io.liquid5gc.orchestrator.plan;

/**
 * How demand becomes warm instances.
 *
 * @param concurrency    invocations one instance serves at once (Knative {@code containerConcurrency}; 1 on Lambda)
 * @param headroom       factor over the expected busy instances (1.5: 50 % more)
 * @param minInvocations an interval expected to bring at least this many invocations keeps at least one instance warm
 *                       (the point: no cold start for its first caller)
 * @param budget         at most this many warm instances over all functions
 * @param maxPerFunction at most this many per function
 */
public record PlanSettings(int concurrency, double headroom, double minInvocations, int budget, int maxPerFunction) {

    public PlanSettings {
        if (concurrency < 1 || headroom < 1 || minInvocations <= 0 || budget < 0 || maxPerFunction < 0) {
            throw new IllegalArgumentException("plan settings: concurrency >= 1, headroom >= 1, min-invocations > 0, budget and "
                    + "max-per-function >= 0");
        }
    }

    public static PlanSettings defaults() {
        return new PlanSettings(10, 1.5, 1.0, 20, 5);
    }
}
