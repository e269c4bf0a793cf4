package io.liquid5gc.proxy.overload;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * An adaptive limit on the UE tasks in flight (see {@link WorkMeter}) up to which a new registration is admitted, so that
 * the UEs already admitted keep their latency target (TS 23.501 5.19.7.2: the AMF rejects new NAS signalling with a
 * back-off timer rather than let it queue). Every {@link #WINDOW_NANOS} the mean latency of the tasks done in that
 * window (from submission, so queueing for a thread counts) is compared with the target:
 *
 * <ul>
 *   <li>above the target, with at least {@code min} calls in flight during the window: the limit shrinks in proportion,
 *       {@code limit * target / latency}, by at most a fifth per window (one slow window, a pause of the whole
 *       machine, does not halve it), never below {@code min} (slow but not busy, e.g.
 *       a cold start with a few UEs waiting for it, does not lower it);</li>
 *   <li>at or below the target, with the limit at least half used during the window: it grows by {@code sqrt(limit)},
 *       up to {@code max};</li>
 *   <li>otherwise (no call answered, or the limit not used) it stays.</li>
 * </ul>
 *
 * It starts at {@code max}. A new registration is admitted while the tasks in flight are below the limit; the tasks of
 * UEs already admitted are never refused here, so they finish and bring the latency back. No lock: the window's sums are
 * atomics, and the thread whose compare-and-set closes the window computes the next limit.
 */
final class AdmissionLimit {

    /** The length of a measurement window. */
    static final long WINDOW_NANOS = 100_000_000L;
    /** The smallest factor the limit is multiplied by in one window. */
    private static final double MAX_DECREASE = 0.8;

    private final long targetNanos;
    private final int min;
    private final int max;
    private final LongSupplier nanoClock;
    private final AtomicInteger limit;
    private final AtomicLong windowStart;
    private final AtomicLong windowCalls = new AtomicLong();
    private final AtomicLong windowNanos = new AtomicLong();
    private final AtomicInteger windowMaxInFlight = new AtomicInteger();
    private volatile double lastLatencyNanos;

    AdmissionLimit(long targetNanos, int min, int max, LongSupplier nanoClock) {
        this.targetNanos = targetNanos;
        this.min = Math.min(min, max);
        this.max = max;
        this.nanoClock = nanoClock;
        this.limit = new AtomicInteger(max);
        this.windowStart = new AtomicLong(nanoClock.getAsLong());
    }

    /** A task was submitted; {@code inFlight} tasks are in flight with it. */
    void started(int inFlight) {
        windowMaxInFlight.accumulateAndGet(inFlight, Math::max);
        maybeCloseWindow();
    }

    /** A task ended {@code nanos} after its submission. */
    void ended(long nanos) {
        windowNanos.addAndGet(nanos);
        windowCalls.incrementAndGet();
        maybeCloseWindow();
    }

    /** True while a new registration may start: fewer tasks in flight than the limit. */
    boolean admits(int inFlight) {
        maybeCloseWindow();
        return inFlight < limit.get();
    }

    int limit() {
        return limit.get();
    }

    /** The mean task latency of the last window with a task done, in milliseconds. */
    double latencyMillis() {
        return lastLatencyNanos / 1e6;
    }

    private void maybeCloseWindow() {
        long start = windowStart.get();
        long now = nanoClock.getAsLong();
        if (now - start < WINDOW_NANOS || !windowStart.compareAndSet(start, now)) {
            return;
        }
        long calls = windowCalls.getAndSet(0);
        long nanos = windowNanos.getAndSet(0);
        int busiest = windowMaxInFlight.getAndSet(0);
        if (calls == 0) {
            return;
        }
        double latency = (double) nanos / calls;
        lastLatencyNanos = latency;
        int current = limit.get();
        int next = current;
        if (latency > targetNanos && busiest >= min) {
            next = Math.max(min, (int) (current * Math.max(MAX_DECREASE, targetNanos / latency)));
        } else if (latency <= targetNanos && busiest * 2 >= current) {
            next = Math.min(max, current + Math.max(1, (int) Math.sqrt(current)));
        }
        limit.set(next);
    }
}
