package io.liquid5gc.proxy.overload;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Whether the AMF side of this proxy is overloaded, from the AMF function calls in flight and their recent latency
 * (TS 23.501 5.19.5: the AMF decides its overload and tells the NG-RAN; 5.19.7.2: it rejects NAS signalling with a
 * back-off timer). A transition table over two states; the listener hears each transition once. Short of an overload,
 * it also admits new registrations only while the UE tasks in flight (it is the UE executors' {@link WorkMeter}) are
 * below the adaptive {@link AdmissionLimit} that keeps their latency within {@code admission-latency}.
 *
 * <p>It sits on every AMF call, so it takes no lock: the in-flight count and the latency mean are atomics, the state
 * and the time it was entered one immutable {@link Phase} swapped by compare-and-set, and the thread whose swap wins
 * tells the listener. The call that brings the count to the start level is the one that sees it and starts the
 * overload (a monitor here made callers queue after incrementing, so detection overshot the level several times over).
 */
public final class OverloadControl implements WorkMeter {

    /** The two states and the listener's view of a transition. */
    public enum State { NORMAL, OVERLOADED }

    public interface Listener {
        void overloadStarted(String reason);

        void overloadStopped();
    }

    /** A state and the {@code nanoClock} time it was entered. */
    private record Phase(State state, long since) {
    }

    /** A latency sample older than this no longer speaks for the AMF's state. */
    private static final long SAMPLE_FRESH_NANOS = 1_000_000_000L;
    /** Weight of a new latency sample in the mean. */
    private static final double ALPHA = 0.1;
    private static final long NO_SAMPLE = Double.doubleToRawLongBits(Double.NaN);

    private final OverloadProperties properties;
    private final LongSupplier nanoClock;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** UE tasks submitted and not yet done (the admission limit's measure). */
    private final AtomicInteger workInFlight = new AtomicInteger();
    /** The exponentially weighted mean AMF call latency in nanoseconds, as double bits; NaN before the first sample. */
    private final AtomicLong latencyBits = new AtomicLong(NO_SAMPLE);
    private final AtomicReference<Phase> phase = new AtomicReference<>(new Phase(State.NORMAL, 0));
    private volatile long lastSampleAt = Long.MIN_VALUE;
    private volatile Listener listener = new Listener() {
        @Override
        public void overloadStarted(String reason) {
        }

        @Override
        public void overloadStopped() {
        }
    };
    private ScheduledExecutorService ticker;
    /** The adaptive limit for new registrations; null when admission-latency is 0 or overload control is off. */
    private final AdmissionLimit admission;

    public OverloadControl(OverloadProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.admission = properties.enabled() && properties.admissionLatency().toNanos() > 0
                ? new AdmissionLimit(properties.admissionLatency().toNanos(), properties.admissionMinLimit(),
                properties.startInFlight(), nanoClock) : null;
    }

    /**
     * Re-evaluates every 250 ms on a daemon thread, so that an overload ends (and OVERLOAD STOP goes out) when the
     * load is gone even if no call or Initial UE Message arrives to notice it. Tests drive {@link #overloaded()} instead.
     */
    public synchronized void startTicker() {
        if (ticker == null && properties.enabled()) {
            ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("liquid5gc-overload").factory());
            ticker.scheduleWithFixedDelay(this::overloaded, 250, 250, TimeUnit.MILLISECONDS);
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
        int calls = inFlight.incrementAndGet();
        if (calls >= properties.stopInFlight() || phase.get().state() == State.OVERLOADED) {
            evaluate();
        }
    }

    /** An AMF function call ended (answered or failed) after {@code nanos}. */
    public void callEnded(long nanos) {
        int calls = inFlight.decrementAndGet();
        long prev;
        long next;
        do {
            prev = latencyBits.get();
            double mean = Double.longBitsToDouble(prev);
            next = Double.doubleToRawLongBits(Double.isNaN(mean) ? nanos : mean + ALPHA * (nanos - mean));
        } while (!latencyBits.compareAndSet(prev, next));
        lastSampleAt = nanoClock.getAsLong();
        if (calls >= properties.stopInFlight() || phase.get().state() == State.OVERLOADED) {
            evaluate();
        }
    }

    /** True while overloaded (re-evaluated now: an overload with no more calls ends by time). */
    public boolean overloaded() {
        return evaluate() == State.OVERLOADED;
    }

    /** A UE task was submitted (an N2 message of a UE, a NAS timer's expiry). */
    @Override
    public void workSubmitted() {
        int work = workInFlight.incrementAndGet();
        if (admission != null) {
            admission.started(work);
        }
    }

    /** A UE task ended {@code nanos} after its submission. */
    @Override
    public void workDone(long nanos) {
        workInFlight.decrementAndGet();
        if (admission != null) {
            admission.ended(nanos);
        }
    }

    /** The mean UE task latency of the admission limit's last window (0 without an admission limit). */
    public double workLatencyMillis() {
        return admission == null ? 0 : admission.latencyMillis();
    }

    /** UE tasks submitted and not yet done. */
    public int workInFlight() {
        return workInFlight.get();
    }

    /**
     * True when a new registration may start now: not overloaded, and the UE tasks in flight are below the adaptive
     * admission limit (always, without one).
     */
    public boolean admitsNewRegistration() {
        return !overloaded() && (admission == null || admission.admits(workInFlight.get()));
    }

    /** The adaptive admission limit on UE tasks in flight, or start-in-flight without one. */
    public int admissionLimit() {
        return admission == null ? properties.startInFlight() : admission.limit();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** The recent mean AMF call latency in milliseconds, 0 when no call answered within the last second. */
    public double recentLatencyMillis() {
        return recentLatencyNanos(nanoClock.getAsLong()) / 1e6;
    }

    private double recentLatencyNanos(long now) {
        long at = lastSampleAt;
        double mean = Double.longBitsToDouble(latencyBits.get());
        return at != Long.MIN_VALUE && now - at <= SAMPLE_FRESH_NANOS && !Double.isNaN(mean) ? mean : 0;
    }

    private State evaluate() {
        if (!properties.enabled()) {
            return State.NORMAL;
        }
        while (true) {
            Phase current = phase.get();
            long now = nanoClock.getAsLong();
            int calls = inFlight.get();
            double latency = recentLatencyNanos(now);
            String reason = null;
            State next = switch (current.state()) {
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
                case OVERLOADED -> now - current.since() >= properties.minDuration().toNanos()
                        && calls <= properties.stopInFlight()
                        && (calls < properties.stopInFlight() || latency <= properties.stopLatency().toNanos())
                        ? State.NORMAL : State.OVERLOADED;
            };
            if (next == current.state()) {
                return next;
            }
            if (phase.compareAndSet(current, new Phase(next, now))) {
                if (next == State.OVERLOADED) {
                    listener.overloadStarted(reason);
                } else {
                    listener.overloadStopped();
                }
                return next;
            }
            // another thread moved the state first: evaluate again from what it left
        }
    }
}
