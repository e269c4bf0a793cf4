package io.liquid5gc.orchestrator.prewarm;

import io.liquid5gc.orchestrator.forecast.RateSeries;

/** One function's invocation history and the mean execution time of one invocation over it. */
public record FunctionHistory(String function, RateSeries invocations, double meanExecutionSeconds) {
}
