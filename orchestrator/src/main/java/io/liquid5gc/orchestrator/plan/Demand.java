package io.liquid5gc.orchestrator.plan;

/**
 * What a function is expected to do in the next interval: its forecast invocations and the mean execution time of one
 * (from the metering ledger: execution seconds / invocations).
 */
public record Demand(String function, double forecastInvocations, double meanExecutionSeconds) {

    public Demand {
        if (function == null || forecastInvocations < 0 || meanExecutionSeconds < 0
                || Double.isNaN(forecastInvocations) || Double.isNaN(meanExecutionSeconds)) {
            throw new IllegalArgumentException("a demand needs a function and non-negative figures: " + function);
        }
    }
}
