package io.liquid5gc.runtime.store;

/**
 * The outcome of {@link KeyValueStore#countMarked}: whether the counter moved, and the count (the new one when it
 * did, the current one when it did not).
 */
public record MarkedCount(Outcome outcome, long count) {

    /** What one marked count did. */
    public enum Outcome {
        /** The marker was as expected, the counter moved by the delta (never below zero) and the marker was written. */
        COUNTED,
        /** The marker was not as expected: nothing written. */
        MARKER_DIFFERS,
        /** The counter plus the delta would pass the limit: nothing written. */
        OVER_LIMIT
    }

    public MarkedCount {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is required");
        }
    }

    public boolean counted() {
        return outcome == Outcome.COUNTED;
    }
}
