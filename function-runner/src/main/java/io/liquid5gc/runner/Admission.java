package io.liquid5gc.runner;

import java.time.Duration;

/** The answer to "may this request go to the function's process now?": a ready process, or why not. */
public sealed interface Admission {

    /**
     * Forward to {@code process}; {@link FunctionUnit#release} when the answer is back.
     *
     * @param waitedForColdStart whether the request was held while the unit started
     * @param waited             how long it was held (zero when the unit was ready)
     */
    record Admitted(ProcessLauncher.Launched process, boolean waitedForColdStart, Duration waited) implements Admission {
    }

    /** Answer {@code refusal} with {@code detail} (the detail names no secret and no process output). */
    record Refused(Refusal refusal, String detail) implements Admission {
    }
}
