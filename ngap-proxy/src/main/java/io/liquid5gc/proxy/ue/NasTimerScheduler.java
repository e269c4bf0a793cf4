package io.liquid5gc.proxy.ue;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the proxy's NAS timers (TS 24.501 10.2) run: injected, so that tests drive time instead of sleeping. The
 * task only hands the expiry to the UE's serial executor.
 */
public interface NasTimerScheduler {

    /** A started timer. */
    interface Timer {
        void cancel();
    }

    Timer schedule(Duration delay, Runnable task);

    /** The production scheduler: one daemon platform thread that only enqueues expiries. */
    static NasTimerScheduler system() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nas-timers");
            t.setDaemon(true);
            return t;
        });
        return (delay, task) -> {
            ScheduledFuture<?> f = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
