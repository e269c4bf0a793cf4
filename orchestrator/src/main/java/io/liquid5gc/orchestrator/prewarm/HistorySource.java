package io.liquid5gc.orchestrator.prewarm;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where the invocation-rate history comes from (the core's metering ledger: {@link LedgerHistorySource}). */
public interface HistorySource {

    /**
     * Every function's invocations per {@code step} over [to - lookback, to), {@code to} on a step boundary; functions
     * with no invocation at all may be left out.
     */
    List<FunctionHistory> history(Instant to, Duration lookback, Duration step);
}
