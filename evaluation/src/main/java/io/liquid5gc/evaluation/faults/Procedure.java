package io.liquid5gc.evaluation.faults;

/**
 * One procedure of the steady load as the UE saw it: its first attempt and, when that failed, its retries.
 *
 * @param kind        what it was
 * @param supi        whose
 * @param startNanos  the first attempt's start ({@link System#nanoTime})
 * @param lastNanos   the last attempt's start (the one that succeeded, when it did)
 * @param endNanos    when it ended: its success, or its last failed attempt
 * @param firstOk     the first attempt succeeded
 * @param attempts    attempts made (1 when the first succeeded)
 * @param ok          it succeeded in the end (first attempt or a retry)
 * @param failure     the first attempt's failure (null when it succeeded)
 */
public record Procedure(ProcedureKind kind, String supi, long startNanos, long lastNanos, long endNanos, boolean firstOk, int attempts, boolean ok,
                        String failure) {

    /** Failed at first, then succeeded on a retry. */
    public boolean retriedOk() {
        return !firstOk && ok;
    }
}
