package io.liquid5gc.orchestrator.prewarm;

import java.util.Map;

/** What a plan acts on: Knative Services ({@link KnativeScaler}) or the local function-runner ({@link RunnerScaler}). */
public interface Scaler {

    /**
     * Keeps at least {@code instances} warm for each function named (functions not named: none planned). Returns, per
     * scaled unit (a Knative Service, a runner unit), the warm instances it was set to.
     */
    Map<String, Integer> apply(Map<String, Integer> instances);
}
