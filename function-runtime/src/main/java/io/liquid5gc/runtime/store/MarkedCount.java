package io.liquid5gc.runtime.store;

/**
 * The outcome of {@link KeyValueStore#countMarked}: whether the counter moved, and the count (the new one when it
 * did, the current one when it did not).
 */
public record MarkedCount(Outcome outcome, long count) {

    /** What one marked count did. */
    public enum Outcome {
        /** The marker was as expected, the counter moved by the delta (never below zero) and the marker was written. */
        COUNTED(0),
        /** The marker was not as expected: nothing written. */
        MARKER_DIFFERS(1),
        /** The counter plus the delta would pass the limit: nothing written. */
        OVER_LIMIT(2);

        /** The code of the outcome in the Redis script's reply ({@code count * 4 + code}). */
        public final int code;

        Outcome(int code) {
            this.code = code;
        }

        public static Outcome ofCode(int code) {
            for (Outcome o : values()) {
                if (o.code == code) {
                    return o;
                }
            }
            throw new StoreException("no marked-count outcome with code " + code);
        }
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
