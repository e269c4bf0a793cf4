package io.liquid5gc.evaluation.faults;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * When each kind of procedure first succeeded again after a fault: an attempt started at or after the fault that
 * succeeded. Recovered when every kind that {@link ProcedureKind#marksRecovery() marks recovery} has; the time to recover
 * is the last of these firsts.
 */
final class Recovery {

    private static final List<ProcedureKind> KINDS = List.of(ProcedureKind.values()).stream().filter(ProcedureKind::marksRecovery).toList();

    private final Map<ProcedureKind, Long> firstOk = new EnumMap<>(ProcedureKind.class);
    private volatile long faultAt = Long.MAX_VALUE;

    /** The fault began now (nanoTime); only attempts started from here count. */
    void faultAt(long nanos) {
        synchronized (firstOk) {
            firstOk.clear();
            faultAt = nanos;
        }
    }

    void succeeded(ProcedureKind kind, long attemptStartNanos, long endNanos) {
        if (attemptStartNanos < faultAt || !kind.marksRecovery()) {
            return;
        }
        synchronized (firstOk) {
            firstOk.merge(kind, endNanos, Math::min);
        }
    }

    boolean recovered() {
        synchronized (firstOk) {
            return firstOk.keySet().containsAll(KINDS);
        }
    }

    /** From the fault until every kind succeeded again; null while one has not. */
    Duration time() {
        synchronized (firstOk) {
            if (!firstOk.keySet().containsAll(KINDS)) {
                return null;
            }
            return Duration.ofNanos(firstOk.values().stream().mapToLong(t -> t - faultAt).max().orElse(0));
        }
    }

    /** Each kind's first success after the fault, for the progress line. */
    String describe() {
        synchronized (firstOk) {
            StringBuilder b = new StringBuilder();
            for (ProcedureKind k : KINDS) {
                Long t = firstOk.get(k);
                b.append(b.isEmpty() ? "" : ", ").append(k.label()).append(' ')
                        .append(t == null ? "never" : String.format(java.util.Locale.ROOT, "%.1f s", (t - faultAt) / 1e9));
            }
            return b.toString();
        }
    }

    /** The kinds not yet recovered, for the progress line. */
    List<ProcedureKind> pending() {
        synchronized (firstOk) {
            return KINDS.stream().filter(k -> !firstOk.containsKey(k)).toList();
        }
    }
}
