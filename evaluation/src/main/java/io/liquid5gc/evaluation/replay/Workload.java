package io.liquid5gc.evaluation.replay;

import io.liquid5gc.evaluation.load.UeSample;
import java.util.concurrent.CompletableFuture;

/**
 * What one arrival of the replay does: a UE's registration cycle through the core ({@link UeWorkload}), or any other
 * sequence of function calls; it completes with the sample (the registration's latency and outcome). Empty when
 * nothing can start now (every UE of the population is in a cycle): the arrival is counted as skipped.
 */
public interface Workload {

    java.util.Optional<CompletableFuture<UeSample>> start(long startedMillis);
}
