package io.liquid5gc.proxy.overload;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Whether the AMF side of this proxy is overloaded, from the AMF function calls in flight and their recent latency
 * (TS 23.501 5.19.5: the AMF decides its overload and tells the NG-RAN; 5.19.7.2: it rejects NAS signalling with a
 * back-off timer). A transition table over two states; the listener hears each transition once, outside the lock.
 */
public final class OverloadControl {

    /** The two states and the listener's view of a transition. */
    public enum State { NORMAL, OVERLOADED }

    public interface Listener {
        void overloadStarted(String reason);

        void overloadStopped();
    }

    /** A latency sample older than this no longer speaks for the AMF's state. */
    private static final long SAMPLE_FRESH_NANOS = 1_000_000_000L;
    /** Weight of a new latency sample in the mean. */
    private static final double ALPHA = 0.1;

    private final OverloadProperties properties;
    private final LongSupplier nanoClock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile Listener listener = new Listener() {
        @Override
        public void overloadStarted(String reason) {
        }

        @Override
        public void overloadStopped() {
        }
    };
    private java.util.concurrent.ScheduledExecutorService ticker;
    private State state = State.NORMAL;
    private long overloadedSince;
    private double latencyNanos;
    private long lastSampleAt = Long.MIN_VALUE;

    public OverloadControl(OverloadProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
    }

    /**
     * Re-evaluates every 250 ms on a daemon thread, so that an overload ends (and OVERLOAD STOP goes out) when the
     * load is gone even if no call or Initial UE Message arrives to notice it. Tests drive {@link #overloaded()} instead.
     */
    public synchronized void startTicker() {
        if (ticker == null && properties.enabled()) {
            ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                    .name("liquid5gc-overload").factory());
            ticker.scheduleWithFixedDelay(this::overloaded, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    public void listener(Listener listener) {
        this.listener = listener;
    }

    /** An AMF function call begins. */
    public void callStarted() {
        inFlight.incrementAndGet();
        evaluate();
    }

    /** An AMF function call ended (answered or failed) after {@code nanos}. */
    public void callEnded(long nanos) {
        inFlight.decrementAndGet();
        synchronized (this) {
            latencyNanos = lastSampleAt == Long.MIN_VALUE ? nanos : latencyNanos + ALPHA * (nanos - latencyNanos);
            lastSampleAt = nanoClock.getAsLong();
        }
        evaluate();
    }

    /** True while overloaded (re-evaluated now: an overload with no more calls ends by time). */
    public boolean overloaded() {
        return evaluate() == State.OVERLOADED;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The recent mean AMF call latency in milliseconds, 0 when no call answered within the last second. */
    public synchronized double recentLatencyMillis() {
        return fresh(nanoClock.getAsLong()) ? latencyNanos / 1e6 : 0;
    }

    private boolean fresh(long now) {
        return lastSampleAt != Long.MIN_VALUE && now - lastSampleAt <= SAMPLE_FRESH_NANOS;
    }

    private State evaluate() {
        if (!properties.enabled()) {
            return State.NORMAL;
        }
        State before;
        State after;
        String reason = null;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            int calls = inFlight.get();
            double latency = fresh(now) ? latencyNanos : 0;
            before = state;
            after = switch (state) {
                case NORMAL -> {
                    if (calls >= properties.startInFlight()) {
                        reason = calls + " AMF calls in flight (start-in-flight " + properties.startInFlight() + ")";
                        yield State.OVERLOADED;
                    }
                    // slow alone (a cold peer, one slow chain) is not overload: slow while busy is
                    if (calls >= properties.stopInFlight() && latency >= properties.startLatency().toNanos()) {
                        reason = String.format("AMF calls take %.0f ms (start-latency %s)", latency / 1e6, properties.startLatency());
                        yield State.OVERLOADED;
                    }
                    yield State.NORMAL;
                }
                case OVERLOADED -> now - overloadedSince >= properties.minDuration().toNanos()
                        && calls <= properties.stopInFlight()
                        && (calls < properties.stopInFlight() || latency <= properties.stopLatency().toNanos())
                        ? State.NORMAL : State.OVERLOADED;
            };
            if (after == State.OVERLOADED && before == State.NORMAL) {
                overloadedSince = now;
            }
            state = after;
        }
        if (before != after) {
            if (after == State.OVERLOADED) {
                listener.overloadStarted(reason);
            } else {
                listener.overloadStopped();
            }
        }
        return after;
    }
}
